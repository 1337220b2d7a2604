namespace Kiosk.Protocols.Readers.ThreeM.Messages;

/// <summary>Reply to 0x0A Get AFI: <c>0A ERR UID(8) AFI</c> (specification §7.10).</summary>
public sealed record ThreeMGetAfiResponse : ThreeMResponse
{
    /// <summary>The tag's UID, echoed.</summary>
    public TransponderUid Uid { get; init; }

    /// <summary>The tag's AFI.</summary>
    public byte Afi { get; init; }

    /// <inheritdoc/>
    public override byte Command => (byte)ThreeMCommand.GetAfi;

    internal override void WriteFields(FrameWriter writer)
    {
        writer.Write(Uid);
        writer.Write(Afi);
    }
}
