namespace Kiosk.Protocols.Readers.Feig.Messages;

/// <summary>
/// An NXP EAS command through [0xB1]: <c>B1 MFR CMD MODE [UID]</c> with MFR = 0x04. The field order is taken from
/// FEIG's ID FEDM class library, which passes the manufacturer ahead of <c>CMD MODE [UID]</c>
/// (FEDM_ISCReader.cpp, Get_0xB1_IsoTableData_NXP and FEISC_0xB1_ISOCustAndPropCmd); the ID CPR manual does not
/// document [0xB1]. Check it against the manual of the reader model in use before relying on EAS.
/// </summary>
public sealed record FeigNxpCustomRequest : FeigRequest
{
    /// <summary>The IC manufacturer code of NXP (ISO/IEC 7816-6).</summary>
    public const byte NxpManufacturerCode = 0x04;

    /// <summary>Set EAS, reset EAS or EAS alarm.</summary>
    public FeigNxpCustomCommand CustomCommand { get; init; }

    /// <summary>Addressed, non-addressed or selected.</summary>
    public FeigAddressingMode Mode { get; init; } = FeigAddressingMode.Addressed;

    /// <summary>The transponder's UID; required in addressed mode.</summary>
    public TransponderUid? Uid { get; init; }

    /// <inheritdoc/>
    public override byte Command => (byte)FeigCommand.IsoCustomHostCommand;

    internal override void WriteData(FrameWriter writer)
    {
        writer.Write(NxpManufacturerCode);
        writer.Write((byte)CustomCommand);
        writer.Write((byte)Mode);
        if (Mode == FeigAddressingMode.Addressed)
        {
            writer.Write(Uid ?? throw new InvalidOperationException(
                "An addressed NXP EAS command needs the transponder's UID; take it from an inventory."));
        }
    }
}
