namespace Kiosk.Protocols.Readers;

/// <summary>What a length-prefixed protocol tells the <see cref="FrameAssembler"/>: where a frame ends and whether its CRC holds.</summary>
internal interface IFrameSyntax
{
    /// <summary>Reads the header at the start of <paramref name="buffer"/>.</summary>
    FrameHeader ReadHeader(ReadOnlySpan<byte> buffer);

    /// <summary>Whether the complete <paramref name="frame"/> carries a CRC that matches its bytes.</summary>
    bool HasValidCrc(ReadOnlySpan<byte> frame);
}
