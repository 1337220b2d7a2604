namespace Kiosk.Devices.Printers;

/// <summary>A printer profile is missing or wrong. The message names the file and lists every problem with its fix.</summary>
public sealed class PrinterProfileException : Exception
{
    public PrinterProfileException()
    {
    }

    public PrinterProfileException(string message)
        : base(message)
    {
    }

    public PrinterProfileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="path"/> with its <paramref name="problems"/>.</summary>
    public PrinterProfileException(string path, IReadOnlyList<string> problems)
        : base($"Printer profile {path} " + (problems.Count == 1 ? problems[0] : "has problems:" + string.Concat(problems.Select(p => Environment.NewLine + "  - " + p))))
    {
        Path = path;
        Problems = problems;
    }

    /// <summary>The profile file (or folder).</summary>
    public string? Path { get; }

    /// <summary>Each problem, naming the key and the fix.</summary>
    public IReadOnlyList<string> Problems { get; } = [];
}
