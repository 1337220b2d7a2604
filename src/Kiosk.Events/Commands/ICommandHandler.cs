namespace Kiosk.Events.Commands;

/// <summary>
/// Runs one remote command after it was authorised. The host registers one per action it offers (reader self-test,
/// printer test page, gate test, maintenance mode, reload configuration); <c>ping</c> and <c>status</c> are built in.
/// </summary>
public interface ICommandHandler
{
    /// <summary>The command's name, one of <see cref="CommandNames"/> or a site's own.</summary>
    string Name { get; }

    /// <summary>Runs the command. An exception is answered as an error naming its message, and never stops the kiosk.</summary>
    Task<CommandResult> HandleAsync(CommandContext context, CancellationToken cancellationToken);
}
