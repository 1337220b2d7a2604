namespace Kiosk.Devices.Rfid;

/// <summary>
/// What switching a tag's security did, checked by reading it back. Only <see cref="Verified"/> means the tag now says
/// what was asked; anything else must be treated as "still secured" by a return and as "not switched" by a loan.
/// </summary>
/// <param name="Verified">Whether the read-back shows the requested state.</param>
/// <param name="Secured">The state read back: true when the tag is secured, null when it could not be read back.</param>
/// <param name="Attempts">How many write-and-verify attempts were made.</param>
/// <param name="Failure">Why it did not verify, in words a technician can act on; null when verified.</param>
public sealed record RfidSecurityResult(bool Verified, bool? Secured, int Attempts, string? Failure);
