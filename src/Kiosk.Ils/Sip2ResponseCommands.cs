using Kiosk.Protocols.Sip2;

namespace Kiosk.Ils;

/// <summary>Which response answers which request, and which requests are safe to send again.</summary>
internal static class Sip2ResponseCommands
{
    private static readonly Dictionary<string, string> ResponseOf = new(StringComparer.Ordinal)
    {
        [Sip2Command.Login] = Sip2Command.LoginResponse,
        [Sip2Command.ScStatus] = Sip2Command.AcsStatus,
        [Sip2Command.PatronInformation] = Sip2Command.PatronInformationResponse,
        [Sip2Command.PatronStatus] = Sip2Command.PatronStatusResponse,
        [Sip2Command.BlockPatron] = Sip2Command.PatronStatusResponse,
        [Sip2Command.Checkout] = Sip2Command.CheckoutResponse,
        [Sip2Command.Checkin] = Sip2Command.CheckinResponse,
        [Sip2Command.Renew] = Sip2Command.RenewResponse,
        [Sip2Command.RenewAll] = Sip2Command.RenewAllResponse,
        [Sip2Command.ItemInformation] = Sip2Command.ItemInformationResponse,
        [Sip2Command.ItemStatusUpdate] = Sip2Command.ItemStatusUpdateResponse,
        [Sip2Command.EndPatronSession] = Sip2Command.EndSessionResponse,
        [Sip2Command.FeePaid] = Sip2Command.FeePaidResponse,
        [Sip2Command.Hold] = Sip2Command.HoldResponse,
        [Sip2Command.PatronEnable] = Sip2Command.PatronEnableResponse,
    };

    // Requests that change nothing, or change it to the same end state, may be retried on another connection.
    private static readonly HashSet<string> Idempotent = new(StringComparer.Ordinal)
    {
        Sip2Command.ScStatus, Sip2Command.PatronInformation, Sip2Command.PatronStatus, Sip2Command.ItemInformation,
        Sip2Command.ItemStatusUpdate, Sip2Command.EndPatronSession, Sip2Command.Login,
    };

    /// <summary>The response command that answers <paramref name="requestCommand"/>.</summary>
    public static string For(string requestCommand) =>
        ResponseOf.TryGetValue(requestCommand, out var response) ? response : requestCommand;

    /// <summary>Whether a request with <paramref name="requestCommand"/> may be sent again after a drop or timeout.</summary>
    public static bool IsIdempotent(string requestCommand) => Idempotent.Contains(requestCommand);
}
