namespace Kiosk.Devices.Rfid;

/// <summary>A reader profile is missing or wrong. The message names the file and lists every problem with its fix.</summary>
public sealed class RfidReaderProfileException : Exception
{
    public RfidReaderProfileException()
    {
    }

    public RfidReaderProfileException(string message)
        : base(message)
    {
    }

    public RfidReaderProfileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="path"/> with its <paramref name="problems"/>.</summary>
    public RfidReaderProfileException(string path, IReadOnlyList<string> problems)
        : base($"Reader profile {path} " + (problems.Count == 1 ? problems[0] : "has problems:" + string.Concat(problems.Select(p => Environment.NewLine + "  - " + p))))
    {
        Path = path;
        Problems = problems;
    }

    /// <summary>The profile file (or folder).</summary>
    public string? Path { get; }

    /// <summary>Each problem, naming the key and the fix.</summary>
    public IReadOnlyList<string> Problems { get; } = [];
}
