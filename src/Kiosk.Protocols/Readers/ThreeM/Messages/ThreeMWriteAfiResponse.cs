namespace Kiosk.Protocols.Readers.ThreeM.Messages;

/// <summary>Reply to 0x09 Write AFI: <c>09 ERR UID(8)</c> (specification §7.11).</summary>
public sealed record ThreeMWriteAfiResponse : ThreeMResponse
{
    /// <summary>The tag's UID, echoed.</summary>
    public TransponderUid Uid { get; init; }

    /// <inheritdoc/>
    public override byte Command => (byte)ThreeMCommand.WriteAfi;

    internal override void WriteFields(FrameWriter writer) => writer.Write(Uid);
}
