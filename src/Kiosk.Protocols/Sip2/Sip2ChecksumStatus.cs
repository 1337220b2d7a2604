namespace Kiosk.Protocols.Sip2;

/// <summary>What a decoded frame's checksum says.</summary>
public enum Sip2ChecksumStatus
{
    /// <summary>The frame carries no AZ field.</summary>
    Absent,

    /// <summary>The AZ field matches the bytes.</summary>
    Valid,

    /// <summary>The AZ field does not match the bytes: ask for a resend (97 or 96).</summary>
    Invalid,
}
