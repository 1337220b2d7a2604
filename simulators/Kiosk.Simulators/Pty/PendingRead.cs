namespace Kiosk.Simulators.Pty;

/// <summary>An asynchronous read handed to a <see cref="PseudoTerminalMasterStream"/>'s reader thread.</summary>
internal sealed class PendingRead(Memory<byte> buffer, CancellationToken cancellationToken)
{
    public Memory<byte> Buffer { get; } = buffer;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    // Continuations run on the pool, never on the reader thread, so it is free for the next read at once.
    public TaskCompletionSource<int> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
