namespace Kiosk.Devices.Printers;

/// <summary>
/// What the printer last said about itself, from the real-time status bytes of DLE EOT 1 to 4 (Epson ESC/POS reference,
/// "DLE EOT n: Transmit real-time status"). When <see cref="IsKnown"/> is false the flags are all false and
/// <see cref="Detail"/> says why the status could not be read (a device file has no back channel; the printer did not answer).
/// </summary>
public sealed record PrinterStatus
{
    /// <summary>Whether the flags come from the printer's own answer.</summary>
    public required bool IsKnown { get; init; }

    /// <summary>Roll paper end (DLE EOT 4 bits 5–6, or DLE EOT 2 bit 5 "printing stopped for paper end"). SIP2 SC Status 1 "out of paper".</summary>
    public bool PaperEnd { get; init; }

    /// <summary>Roll paper near end (DLE EOT 4 bits 2–3): a few receipts left.</summary>
    public bool PaperNearEnd { get; init; }

    /// <summary>Cover open (DLE EOT 2 bit 2).</summary>
    public bool CoverOpen { get; init; }

    /// <summary>Offline (DLE EOT 1 bit 3).</summary>
    public bool Offline { get; init; }

    /// <summary>An error (DLE EOT 2 bit 6, or DLE EOT 3 bits 3, 5, 6: cutter, unrecoverable, auto-recoverable).</summary>
    public bool Error { get; init; }

    /// <summary>Why the status is unknown, or which error; null when all is well.</summary>
    public string? Detail { get; init; }

    /// <summary>Whether a job is worth sending now: nothing stops the printer, and it answered (or cannot answer at all, as a device file).</summary>
    public bool CanPrint => !(PaperEnd || CoverOpen || Offline || Error || IsNotResponding);

    /// <summary>Whether the printer was asked and did not answer (as opposed to a transport that cannot report status).</summary>
    public bool IsNotResponding { get; init; }

    /// <summary>A status for a transport that cannot read back, such as /dev/usb/lp0.</summary>
    public static PrinterStatus Unavailable(string reason) => new() { IsKnown = false, Detail = reason };

    /// <summary>A status for a printer that did not answer or could not be reached.</summary>
    public static PrinterStatus NotResponding(string reason) => new() { IsKnown = false, IsNotResponding = true, Detail = reason };

    /// <summary>A short line for logs and the CLI.</summary>
    public override string ToString()
    {
        if (!IsKnown)
        {
            return "status unknown: " + Detail;
        }

        var problems = new List<string>();
        if (PaperEnd)
        {
            problems.Add("paper end");
        }

        if (PaperNearEnd)
        {
            problems.Add("paper near end");
        }

        if (CoverOpen)
        {
            problems.Add("cover open");
        }

        if (Offline)
        {
            problems.Add("offline");
        }

        if (Error)
        {
            problems.Add("error" + (Detail is null ? string.Empty : " (" + Detail + ")"));
        }

        return problems.Count == 0 ? "ready" : string.Join(", ", problems);
    }
}
