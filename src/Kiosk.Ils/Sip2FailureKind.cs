namespace Kiosk.Ils;

/// <summary>Why a SIP2 request failed.</summary>
public enum Sip2FailureKind
{
    /// <summary>The ILS could not be reached (refused, no route, TLS failure); the kiosk should go off-line.</summary>
    Unreachable,

    /// <summary>The connection dropped while the request was under way.</summary>
    ConnectionLost,

    /// <summary>No answer came within the timeout and retries.</summary>
    Timeout,

    /// <summary>The ILS refused the SIP login: a configuration error (user id, password, location).</summary>
    LoginRefused,

    /// <summary>The ILS's answers could not be decoded, or checksums kept failing after resend requests.</summary>
    Protocol,

    /// <summary>The caller cancelled after the request was sent; it may still have been carried out.</summary>
    Cancelled,

    /// <summary>
    /// The ACS says in its ACS Status (BX, supported messages) that it does not support this message, so it was not sent;
    /// the ILS itself is fine.
    /// </summary>
    NotSupported,
}
