namespace Kiosk.Events.Commands;

/// <summary>A handler made from a delegate, for hosts that wire an existing action as a command.</summary>
public sealed class DelegateCommandHandler : ICommandHandler
{
    private readonly Func<CommandContext, CancellationToken, Task<CommandResult>> _handle;

    /// <summary>Creates a handler named <paramref name="name"/> that runs <paramref name="handle"/>.</summary>
    public DelegateCommandHandler(string name, Func<CommandContext, CancellationToken, Task<CommandResult>> handle)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(handle);
        Name = name;
        _handle = handle;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public Task<CommandResult> HandleAsync(CommandContext context, CancellationToken cancellationToken) => _handle(context, cancellationToken);
}
