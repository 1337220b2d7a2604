namespace Kiosk.Protocols.Readers.Feig.Messages;

/// <summary>One ISO 15693 data set of an inventory reply: <c>TR-TYPE DSFID UID(8)</c> (ID CPR manual §7.1.1.1, p.84).</summary>
/// <param name="Uid">The UID, most significant byte (0xE0) first on the wire.</param>
/// <param name="Dsfid">The Data Storage Format Identifier; 0x00 when unused.</param>
/// <param name="TransponderType">TR-TYPE: 0x03 for ISO 15693 (Annex A).</param>
public sealed record FeigInventoryEntry(TransponderUid Uid, byte Dsfid = 0, byte TransponderType = FeigInventoryEntry.Iso15693TransponderType)
{
    /// <summary>TR-TYPE of an ISO 15693 transponder (Annex A, p.154).</summary>
    public const byte Iso15693TransponderType = 0x03;
}
