namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>What a decoded stretch of an ESC/POS stream is.</summary>
public enum EscPosItemKind
{
    /// <summary>Printable bytes, decoded with the selected code page.</summary>
    Text,

    /// <summary>A command the decoder knows.</summary>
    Command,

    /// <summary>Bytes the decoder does not know; skipped and reported with their bytes.</summary>
    Unknown,

    /// <summary>A command whose parameters are out of range or that the stream ends inside.</summary>
    Malformed,
}
