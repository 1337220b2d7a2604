namespace Kiosk.Protocols.Readers.ThreeM.Messages;

/// <summary>0x0A Get AFI: <c>0A UID(8)</c> (specification §7.10).</summary>
public sealed record ThreeMGetAfiRequest : ThreeMRequest
{
    /// <summary>The tag's UID.</summary>
    public required TransponderUid Uid { get; init; }

    /// <inheritdoc/>
    public override byte Command => (byte)ThreeMCommand.GetAfi;

    internal override void WriteFields(FrameWriter writer) => writer.Write(Uid);
}
