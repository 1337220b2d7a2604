namespace Kiosk.Events.Commands;

/// <summary>The built-in <c>ping</c>: answers with the kiosk's clock, so a technician sees the link and the clock skew.</summary>
internal sealed class PingCommandHandler(TimeProvider time) : ICommandHandler
{
    public string Name => CommandNames.Ping;

    public Task<CommandResult> HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        Task.FromResult(CommandResult.Ok(new { pong = true, time = time.GetUtcNow() }));
}
