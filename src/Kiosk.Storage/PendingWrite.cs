using Microsoft.Data.Sqlite;

namespace Kiosk.Storage;

/// <summary>One caller's write waiting for the next group commit (<see cref="SqliteDatabase.WriteAsync{T}"/>).</summary>
internal abstract class PendingWrite(CancellationToken cancellationToken)
{
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Runs the write inside the group's transaction; its result is held back until the commit.</summary>
    public abstract Task RunAsync(SqliteConnection connection);

    /// <summary>The group committed: the caller sees its result now, and not before.</summary>
    public abstract void Complete();

    public abstract void Fail(Exception exception);

    public abstract void Cancel();
}
