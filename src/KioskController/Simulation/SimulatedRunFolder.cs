namespace KioskController.Simulation;

/// <summary>A folder of this simulated run's own, removed when the run ends: the simulated library's journal lives here.</summary>
internal sealed class SimulatedRunFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("kiosk-run-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open at shutdown; the temporary folder is left for the system to clean.
        }
    }
}
