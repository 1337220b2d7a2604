namespace Kiosk.Protocols.Readers.ThreeM.Messages;

/// <summary>
/// Reply to 0xFE Read Block UID: <c>FE ERR AFI OPTIONS COUNT [DSFID] UID(8)…</c> (specification §7.1). The same UID
/// may appear twice when a tag missed the reader's quiet command.
/// </summary>
public sealed record ThreeMInventoryResponse : ThreeMResponse
{
    /// <summary>The AFI from the request.</summary>
    public byte Afi { get; init; }

    /// <summary>The response options from the request; they decide each tag's fields.</summary>
    public byte ResponseOptions { get; init; } = 0x05;

    /// <summary>The tags found.</summary>
    public IReadOnlyList<ThreeMInventoryTag> Tags { get; init; } = [];

    /// <inheritdoc/>
    public override byte Command => (byte)ThreeMCommand.Inventory;

    internal override void WriteFields(FrameWriter writer)
    {
        writer.Write(Afi);
        writer.Write(ResponseOptions);
        writer.Write((byte)Tags.Count);
        foreach (var tag in Tags)
        {
            if ((ResponseOptions & ThreeMInventoryRequest.ReturnDsfid) != 0)
            {
                writer.Write(tag.Dsfid ?? 0);
            }

            if ((ResponseOptions & ThreeMInventoryRequest.ReturnAddress) != 0)
            {
                writer.Write(tag.Uid);
            }
        }
    }
}
