namespace Kiosk.Events.Commands;

/// <summary>The authoriser's verdict: a request to run, or a refusal with a code and a reason for the reply and the event.</summary>
internal sealed record CommandDecision(CommandRequest? Request, string? RefusalCode, string? Reason, string? ClaimedRole)
{
    public bool Authorised => Request is not null;

    public static CommandDecision Allow(CommandRequest request) => new(request, null, null, request.Role);

    public static CommandDecision Refuse(string code, string reason, string? role = null) => new(null, code, reason, role);
}
