namespace Kiosk.Ils;

/// <summary>A SIP2 request failed. <see cref="Kind"/> says why; the message says what to check.</summary>
public sealed class Sip2Exception : Exception
{
    public Sip2Exception()
    {
    }

    public Sip2Exception(string message)
        : base(message)
    {
    }

    public Sip2Exception(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception of a given kind.</summary>
    public Sip2Exception(Sip2FailureKind kind, string message, Exception? innerException = null, bool requestMayHaveBeenApplied = false)
        : base(message, innerException)
    {
        Kind = kind;
        RequestMayHaveBeenApplied = requestMayHaveBeenApplied;
    }

    /// <summary>Why the request failed.</summary>
    public Sip2FailureKind Kind { get; }

    /// <summary>
    /// Whether the request reached the ILS before the failure, so it may have been carried out. A checkout or checkin
    /// in this state must never be sent again blindly: ask Item Information (17) first.
    /// </summary>
    public bool RequestMayHaveBeenApplied { get; }
}
