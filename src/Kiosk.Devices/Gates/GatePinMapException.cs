namespace Kiosk.Devices.Gates;

/// <summary>A gate pin map that cannot be used; the message lists every problem, each with its key and the fix.</summary>
public sealed class GatePinMapException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/> and its <paramref name="problems"/>.</summary>
    public GatePinMapException(string path, IReadOnlyList<string> problems)
        : base($"Gate pin map {path} cannot be used:{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", problems)}")
    {
        Path = path;
        Problems = problems;
    }

    /// <summary>Creates the exception with a message.</summary>
    public GatePinMapException()
        : this("(unknown)", [])
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public GatePinMapException(string message)
        : base(message)
    {
        Path = "(unknown)";
        Problems = [message];
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public GatePinMapException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = "(unknown)";
        Problems = [message];
    }

    /// <summary>The pin map file.</summary>
    public string Path { get; }

    /// <summary>Each problem, naming the key and the fix.</summary>
    public IReadOnlyList<string> Problems { get; }
}
