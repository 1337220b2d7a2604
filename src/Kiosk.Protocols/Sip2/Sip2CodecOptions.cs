using System.Text;

namespace Kiosk.Protocols.Sip2;

/// <summary>How a connection frames and checks its messages. Each ILS dialect sets these differently.</summary>
public sealed record Sip2CodecOptions
{
    /// <summary>The character set on the wire. The checksum is summed over bytes in this charset.</summary>
    public Encoding Encoding { get; init; } = Sip2Charset.Utf8;

    /// <summary>What ends a message when encoding. The decoder accepts both CR and CR LF whatever this says.</summary>
    public Sip2Terminator Terminator { get; init; } = Sip2Terminator.CarriageReturn;

    /// <summary>Whether messages carry a sequence number (AY) and checksum (AZ).</summary>
    public bool ErrorDetection { get; init; } = true;

    /// <summary>The field delimiter. The spec says it should be configurable for languages that print 0x7C.</summary>
    public char FieldDelimiter { get; init; } = '|';

    /// <summary>
    /// The longest frame accepted, in bytes. A longer run without a terminator is reported and skipped, so a peer
    /// that never sends CR cannot exhaust memory.
    /// </summary>
    public int MaxFrameLength { get; init; } = 64 * 1024;

    /// <summary>The spec's own settings: CR, error detection on, UTF-8 (the spec's default is code page 850).</summary>
    public static Sip2CodecOptions Default { get; } = new();
}
