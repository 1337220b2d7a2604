namespace Kiosk.Protocols.Readers.ThreeM.Messages;

/// <summary>
/// 0xFE Read Block UID, the inventory: <c>FE AFI OPTIONS [PROTOCOLS]</c> (specification §7.1). Biblio-RFID polls with
/// <c>D6 00 05 FE 00 05 FA 40</c>: every AFI, address and ISO-style options.
/// </summary>
public sealed record ThreeMInventoryRequest : ThreeMRequest
{
    /// <summary>Bit 0 of the response options: return each tag's 8-byte UID.</summary>
    public const byte ReturnAddress = 0x01;

    /// <summary>Bit 1 of the response options: return each tag's DSFID, before its UID.</summary>
    public const byte ReturnDsfid = 0x02;

    /// <summary>Bit 6 of the response options: a protocols byte follows.</summary>
    public const byte ProtocolsIncluded = 0x40;

    /// <summary>Only tags with this AFI answer; 0 for all tags.</summary>
    public byte Afi { get; init; }

    /// <summary>What to return per tag; 0x05 is what 3M's own software and Biblio-RFID send.</summary>
    public byte ResponseOptions { get; init; } = 0x05;

    /// <summary>With <see cref="ProtocolsIncluded"/>: bit 0 Tag-it, bit 1 ISO.</summary>
    public byte Protocols { get; init; }

    /// <inheritdoc/>
    public override byte Command => (byte)ThreeMCommand.Inventory;

    internal override void WriteFields(FrameWriter writer)
    {
        writer.Write(Afi);
        writer.Write(ResponseOptions);
        if ((ResponseOptions & ProtocolsIncluded) != 0)
        {
            writer.Write(Protocols);
        }
    }
}
