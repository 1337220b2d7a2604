namespace Kiosk.Protocols.Readers.Feig;

/// <summary>
/// The ADR bits (2–0) of an ISO host command's MODE byte (ID CPR manual §2.2, p.14–15; e.g. §7.1.3, p.93). Only in
/// <see cref="Addressed"/> mode does the request carry the UID.
/// </summary>
public enum FeigAddressingMode
{
    /// <summary>b000: whichever single transponder is in the field answers.</summary>
    NonAddressed = 0,

    /// <summary>b001: the request names the transponder by UID (taken from an inventory).</summary>
    Addressed = 1,

    /// <summary>b010: the transponder selected earlier with [0x25] Select.</summary>
    Selected = 2,
}
