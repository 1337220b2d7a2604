namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>How an <see cref="EscPosDecoder"/> reads.</summary>
public sealed record EscPosDecoderOptions
{
    /// <summary>Epson code pages, page 0 selected at start, 16 MiB image limit.</summary>
    public static EscPosDecoderOptions Default { get; } = new();

    /// <summary>Which table each ESC t number selects.</summary>
    public EscPosCodePageMap CodePages { get; init; } = EscPosCodePageMap.Epson;

    /// <summary>The page in force before any ESC t (and after ESC @): Epson's power-on default is page 0.</summary>
    public byte InitialCodePage { get; init; }

    /// <summary>
    /// The largest image data (GS v 0, GS 8 L) the decoder buffers. A header claiming more is reported as malformed
    /// and only the header skipped, so a corrupt length cannot make the decoder wait for gigabytes.
    /// </summary>
    public int MaxImageBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>
    /// Says which character a user-defined glyph (ESC &amp;) shows, or null when it does not know it. Without it, text
    /// printed with user-defined characters decodes as U+FFFD for each of them.
    /// </summary>
    public Func<MonochromeBitmap, string?>? RecognizeUserCharacter { get; init; }

    /// <summary>Text runs longer than this are reported in pieces, so an endless run does not grow the buffer.</summary>
    public int MaxTextRun { get; init; } = 4096;

    /// <summary>
    /// The most decoded items held for <see cref="EscPosDecoder.TryRead"/>. Past it the oldest is dropped and counted in
    /// <see cref="EscPosDecoder.DroppedItems"/>, so a stream nobody reads (line noise, a runaway job) holds at most this
    /// many items, each at most <see cref="MaxTextRun"/> or <see cref="MaxImageBytes"/> bytes. A reader that drains
    /// after each <see cref="EscPosDecoder.Feed"/> (the printer simulator) and <see cref="EscPosDecoder.DecodeAll"/>
    /// never reach it.
    /// </summary>
    public int MaxPendingItems { get; init; } = 4096;
}
