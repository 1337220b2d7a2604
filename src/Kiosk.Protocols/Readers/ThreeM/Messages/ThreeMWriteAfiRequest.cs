namespace Kiosk.Protocols.Readers.ThreeM.Messages;

/// <summary>0x09 Write AFI: <c>09 UID(8) AFI</c> (specification §7.11).</summary>
public sealed record ThreeMWriteAfiRequest : ThreeMRequest
{
    /// <summary>The tag's UID.</summary>
    public required TransponderUid Uid { get; init; }

    /// <summary>The new AFI, such as 0xD7 (secured) or 0xDA (not secured) at 3M sites.</summary>
    public byte Afi { get; init; }

    /// <inheritdoc/>
    public override byte Command => (byte)ThreeMCommand.WriteAfi;

    internal override void WriteFields(FrameWriter writer)
    {
        writer.Write(Uid);
        writer.Write(Afi);
    }
}
