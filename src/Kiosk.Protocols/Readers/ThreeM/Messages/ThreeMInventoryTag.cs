namespace Kiosk.Protocols.Readers.ThreeM.Messages;

/// <summary>One tag in an inventory reply.</summary>
/// <param name="Uid">The tag's UID, most significant byte first on the wire.</param>
/// <param name="Dsfid">The DSFID when the request asked for it (it precedes the UID on the wire).</param>
public sealed record ThreeMInventoryTag(TransponderUid Uid, byte? Dsfid = null);
