using Microsoft.Extensions.Logging;

namespace Kiosk.Ils;

/// <summary>Log messages of the SIP2 client. None carries a PIN, a password or a patron identifier in clear.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "SIP2 connection {ConnectionId} open to {Endpoint}: institution '{InstitutionId}', ACS on-line {Online}")]
    public static partial void Connected(ILogger logger, int connectionId, string endpoint, string institutionId, bool online);

    [LoggerMessage(2, LogLevel.Warning, "SIP2 connection {ConnectionId} received a bad frame ({Reason}); asking the ACS to resend (97)")]
    public static partial void BadFrame(ILogger logger, int connectionId, string reason);

    [LoggerMessage(3, LogLevel.Warning, "SIP2 connection {ConnectionId} discarded an answer with sequence {Echoed}; waiting for {Expected}")]
    public static partial void SequenceMismatch(ILogger logger, int connectionId, int echoed, int expected);

    [LoggerMessage(4, LogLevel.Error, "SIP2 connection {ConnectionId} rejected the TLS certificate of {Host} ({Errors}). {Remedy}")]
    public static partial void CertificateRejected(ILogger logger, int connectionId, string host, string errors, string remedy);

    [LoggerMessage(5, LogLevel.Warning, "ILS link is {Status}: {Reason}")]
    public static partial void LinkStatusChanged(ILogger logger, Sip2LinkStatus status, string reason);

    [LoggerMessage(6, LogLevel.Warning, "SIP2 {Request} failed ({Kind}); {Action}")]
    public static partial void RequestFailed(ILogger logger, string request, Sip2FailureKind kind, string action);

    [LoggerMessage(7, LogLevel.Warning, "The connection dropped during {Request} of item {ItemId}; asked Item Information and found circulation status {Status}: {Decision}")]
    public static partial void Reconciled(ILogger logger, string request, string itemId, string status, string decision);

    [LoggerMessage(8, LogLevel.Debug, "SIP2 heartbeat on connection {ConnectionId} failed: {Reason}")]
    public static partial void HeartbeatFailed(ILogger logger, int connectionId, string reason);

    [LoggerMessage(9, LogLevel.Warning, "SIP2 connection {ConnectionId} discarded an answer to {Request} about another item or patron; waiting for the right one")]
    public static partial void ForeignAnswer(ILogger logger, int connectionId, string request);

    [LoggerMessage(10, LogLevel.Error, "A subscriber to the ILS link status threw; the link keeps working")]
    public static partial void SubscriberFailed(ILogger logger, Exception exception);

    [LoggerMessage(11, LogLevel.Information, "SIP2 connection {ConnectionId} was closed by the ILS while idle; it reopens when needed")]
    public static partial void PeerClosed(ILogger logger, int connectionId);

    [LoggerMessage(12, LogLevel.Warning, "SIP2 connection {ConnectionId} could not log in while another connection works ({Reason}); the pool shrinks from {Configured} to {Effective} connection(s) and the ILS stays on-line. For an ILS that allows one session per SIP login (as Evergreen's SIPServer was seen to), set Kiosk:Sip2:PoolSize and Kiosk:Sip2:KeepOpen to 1")]
    public static partial void PoolShrank(ILogger logger, int connectionId, int configured, int effective, string reason);

    [LoggerMessage(13, LogLevel.Debug, "SIP2 connection {ConnectionId} could not log in while another connection works ({Reason}); the pool stays at {Effective} connection(s)")]
    public static partial void PoolShrankAgain(ILogger logger, int connectionId, int effective, string reason);

    [LoggerMessage(14, LogLevel.Information, "SIP2 connection {ConnectionId} logged in again; the pool grows to {Effective} of {Configured} connection(s)")]
    public static partial void PoolGrew(ILogger logger, int connectionId, int effective, int configured);

    [LoggerMessage(15, LogLevel.Debug, "SIP2 connection {ConnectionId} still cannot log in ({Reason}); the pool stays at {Effective} connection(s) until the next retry")]
    public static partial void PoolStillShrunk(ILogger logger, int connectionId, int effective, string reason);
}
