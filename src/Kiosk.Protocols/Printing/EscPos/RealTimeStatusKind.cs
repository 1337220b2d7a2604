namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>What DLE EOT n asks for (Epson reference, "DLE EOT Transmit real-time status": n = 1 to 4).</summary>
public enum RealTimeStatusKind : byte
{
    /// <summary>Printer status: drawer kick-out connector, online or offline.</summary>
    Printer = 1,

    /// <summary>Offline cause: cover open, paper being fed by the button, stopped for paper end.</summary>
    OfflineCause = 2,

    /// <summary>Error cause: cutter, unrecoverable, auto-recoverable.</summary>
    ErrorCause = 3,

    /// <summary>Roll paper sensor: near end, end.</summary>
    RollPaper = 4,
}
