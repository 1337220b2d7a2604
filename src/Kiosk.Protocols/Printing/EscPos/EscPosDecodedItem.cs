namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>One command, text run or skipped stretch of an ESC/POS stream.</summary>
public sealed record EscPosDecodedItem
{
    /// <summary>Where it starts in the stream.</summary>
    public required long Offset { get; init; }

    /// <summary>What it is.</summary>
    public required EscPosItemKind Kind { get; init; }

    /// <summary>The mnemonic ("ESC t", "GS v 0", "text", "unknown").</summary>
    public required string Name { get; init; }

    /// <summary>Its bytes as received.</summary>
    public required byte[] Bytes { get; init; }

    /// <summary>A one-line description for a technician: parameters, or why it was skipped.</summary>
    public string? Summary { get; init; }

    /// <summary>For text, the decoded characters.</summary>
    public string? Text { get; init; }

    /// <summary>For text, the ESC t page it was decoded with.</summary>
    public byte? CodePage { get; init; }

    /// <summary>
    /// For text printed while user-defined characters are selected (ESC % 1): the glyph each byte prints, or null for a
    /// byte that prints the resident character. Null when no byte of the run has a user-defined glyph.
    /// </summary>
    public IReadOnlyList<MonochromeBitmap?>? Glyphs { get; init; }

    /// <summary>The command as a record, where the decoder has one for it.</summary>
    public EscPosCommand? Command { get; init; }

    /// <summary>For GS k and for GS ( k function 181, the barcode or QR code printed, with the settings in force.</summary>
    public EscPosPrintedSymbol? Symbol { get; init; }
}
