using Microsoft.Data.Sqlite;

namespace Kiosk.Storage;

/// <summary>A pending write with its result type.</summary>
internal sealed class PendingWrite<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken) : PendingWrite(cancellationToken)
{
    // Continuations run elsewhere, so no caller's code ever runs inside the commit loop.
    private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;

    public Task<T> Task => _done.Task;

    public override async Task RunAsync(SqliteConnection connection) => _result = await write(connection).ConfigureAwait(false);

    public override void Complete() => _done.TrySetResult(_result!);

    public override void Fail(Exception exception) => _done.TrySetException(exception);

    public override void Cancel() => _done.TrySetCanceled(CancellationToken);
}
