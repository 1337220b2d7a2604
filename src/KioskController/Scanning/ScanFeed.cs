namespace KioskController.Scanning;

/// <summary>
/// Codes read by the scanner, for whoever is waiting for one (the sign-in screen, a borrow session). Codes can be
/// library card numbers, so they are never logged here.
/// </summary>
internal sealed class ScanFeed
{
    /// <summary>Raised for each code, on the scanner's thread.</summary>
    public event EventHandler<string>? Scanned;

    /// <summary>How many codes have been read since start.</summary>
    public int Count { get; private set; }

    /// <summary>Hands a code to the listeners.</summary>
    public void Publish(string code)
    {
        Count++;
        Scanned?.Invoke(this, code);
    }
}
