namespace Kiosk.Protocols.Readers.Feig;

/// <summary>
/// NXP ICODE SLI/SLIX custom commands for electronic article surveillance, sent through
/// <see cref="FeigCommand.IsoCustomHostCommand"/> [0xB1] with manufacturer code 0x04. The codes are NXP's; FEIG's ID
/// FEDM class library names them "[0xB1][0xA2] SetEAS", "[0xB1][0xA3] ResetEAS" and "[0xB1][0xA5] EASAlarm"
/// (FedmIscTagHandler_ISO15693_NXP_ICODE_SLI.cpp). Lock EAS (0xA4) is left out on purpose: security is never locked.
/// </summary>
#pragma warning disable CA1028 // The wire byte is the value.
public enum FeigNxpCustomCommand : byte
#pragma warning restore CA1028
{
    /// <summary>0xA2 Set EAS: the tag will answer EAS Alarm, so the gate alarms.</summary>
    SetEas = 0xA2,

    /// <summary>0xA3 Reset EAS: the tag stays silent at the gate.</summary>
    ResetEas = 0xA3,

    /// <summary>0xA5 EAS Alarm: tags with EAS set answer with their EAS sequence.</summary>
    EasAlarm = 0xA5,
}
