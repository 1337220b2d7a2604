namespace Kiosk.Events.Tests.Support;

/// <summary>Deletes a test's temporary folder when disposed.</summary>
internal sealed class TemporaryFolder(string path) : IDisposable
{
    public void Dispose()
    {
        try
        {
            Directory.Delete(path, true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
