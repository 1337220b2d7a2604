namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>The control bytes that start ESC/POS commands (Epson ESC/POS reference, "Command list").</summary>
public static class EscPosControl
{
    /// <summary>DLE, which starts the real-time commands such as DLE EOT.</summary>
    public const byte DataLinkEscape = 0x10;

    /// <summary>EOT, the second byte of DLE EOT.</summary>
    public const byte EndOfTransmission = 0x04;

    /// <summary>ESC.</summary>
    public const byte Escape = 0x1B;

    /// <summary>FS, which starts the Kanji and NV-graphics commands; we emit none.</summary>
    public const byte FileSeparator = 0x1C;

    /// <summary>GS.</summary>
    public const byte GroupSeparator = 0x1D;

    /// <summary>LF: print the buffer and feed one line.</summary>
    public const byte LineFeed = 0x0A;

    /// <summary>CR: ignored by most TM printers when auto line feed is off.</summary>
    public const byte CarriageReturn = 0x0D;

    /// <summary>HT: horizontal tab.</summary>
    public const byte HorizontalTab = 0x09;
}
