using Microsoft.Extensions.Logging;

namespace Kiosk.Simulators.Ils;

/// <summary>The ILS simulator's log messages. Patron identifiers appear only as <see cref="PrivacyHash"/>; PINs and passwords never.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "ILS simulator listening on {EndPoint} (charset {Charset}, TLS {Tls}, error detection {ErrorDetection})")]
    public static partial void Started(ILogger logger, string endPoint, string charset, bool tls, bool errorDetection);

    [LoggerMessage(2, LogLevel.Information, "ILS simulator stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(3, LogLevel.Debug, "Connection {Connection} opened from {Remote}")]
    public static partial void ConnectionOpened(ILogger logger, int connection, string remote);

    [LoggerMessage(4, LogLevel.Debug, "Connection {Connection} closed")]
    public static partial void ConnectionClosed(ILogger logger, int connection);

    [LoggerMessage(5, LogLevel.Warning, "Connection {Connection} failed")]
    public static partial void ConnectionFailed(ILogger logger, int connection, Exception exception);

    [LoggerMessage(6, LogLevel.Warning, "Connection {Connection}: TLS handshake failed; check that the client trusts the simulator's certificate")]
    public static partial void TlsHandshakeFailed(ILogger logger, int connection, Exception exception);

    [LoggerMessage(7, LogLevel.Warning, "Accepting a connection failed")]
    public static partial void AcceptFailed(ILogger logger, Exception exception);

    [LoggerMessage(8, LogLevel.Debug, "Connection {Connection}: {Name} ({Command}) sequence {Sequence}")]
    public static partial void RequestReceived(ILogger logger, int connection, string command, string name, int? sequence);

    [LoggerMessage(9, LogLevel.Warning, "Connection {Connection}: request with a bad checksum; answering Request SC Resend (96)")]
    public static partial void ChecksumInvalid(ILogger logger, int connection);

    [LoggerMessage(10, LogLevel.Warning, "Connection {Connection}: could not decode a {Length}-byte frame (error at position {Position}); answering Request SC Resend (96)")]
    public static partial void FrameUndecodable(ILogger logger, int connection, int length, int position);

    [LoggerMessage(11, LogLevel.Information, "Connection {Connection}: ignoring message {Command}, which is not a SIP2 2.00 request (spec: unknown commands are ignored)")]
    public static partial void UnknownCommandIgnored(ILogger logger, int connection, string command);

    [LoggerMessage(12, LogLevel.Information, "Connection {Connection}: request {Command} repeats the previous one (same sequence number and checksum); resending the last response instead of acting twice")]
    public static partial void Retransmission(ILogger logger, int connection, string command);

    [LoggerMessage(13, LogLevel.Information, "Connection {Connection}: resending the last response on Request ACS Resend (97)")]
    public static partial void ResendRequested(ILogger logger, int connection);

    [LoggerMessage(14, LogLevel.Information, "Connection {Connection}: login as '{UserId}' accepted")]
    public static partial void LoginAccepted(ILogger logger, int connection, string userId);

    [LoggerMessage(15, LogLevel.Warning, "Connection {Connection}: login as '{UserId}' refused (wrong user id or password, or the refuse-logins fault)")]
    public static partial void LoginRefused(ILogger logger, int connection, string userId);

    [LoggerMessage(16, LogLevel.Warning, "Connection {Connection}: {Command} before a successful login; answering Login Response ok=0 without acting")]
    public static partial void NotLoggedIn(ILogger logger, int connection, string command);

    [LoggerMessage(17, LogLevel.Warning, "Connection {Connection}: injecting fault {Fault} on {Command}")]
    public static partial void FaultInjected(ILogger logger, int connection, string fault, string command);

    [LoggerMessage(18, LogLevel.Error, "Connection {Connection}: response {Command} cannot be encoded; closing the connection")]
    public static partial void ResponseNotEncodable(ILogger logger, int connection, string command, Exception exception);

    [LoggerMessage(19, LogLevel.Information, "Connection {Connection}: {Name} patron {PatronHash} item {Item}: ok={Ok}")]
    public static partial void Transaction(ILogger logger, int connection, string name, string patronHash, string item, bool ok);

    [LoggerMessage(20, LogLevel.Error, "Connection {Connection}: the simulator failed while handling a request; closing the connection")]
    public static partial void HandlerCrashed(ILogger logger, int connection, Exception exception);

    [LoggerMessage(21, LogLevel.Warning, "Connection {Connection}: login as '{UserId}' not answered: connection {Holder} holds that login's session (one-session-per-login fault)")]
    public static partial void SecondLoginUnanswered(ILogger logger, int connection, string userId, int holder);
}
