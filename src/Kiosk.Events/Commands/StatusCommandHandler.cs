using Kiosk.Events.Mqtt;

namespace Kiosk.Events.Commands;

/// <summary>The built-in <c>status</c>: the broker link and the outbox. The host may register its own richer one instead.</summary>
internal sealed class StatusCommandHandler(KioskEventsStatus status) : ICommandHandler
{
    public string Name => CommandNames.Status;

    public Task<CommandResult> HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        Task.FromResult(CommandResult.Ok(new
        {
            link = status.State.ToString().ToLowerInvariant(),
            broker = status.Endpoint,
            published = status.Published,
            outbox = status.Outbox,
        }));
}
