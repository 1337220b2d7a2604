using Microsoft.Data.Sqlite;

namespace Kiosk.Storage;

/// <summary>
/// Opens connections to the kiosk's SQLite file and creates its tables. WAL lets the UI read while a loan writes;
/// synchronous=FULL makes each commit durable before it returns, because the journal guards the security of books
/// (sqlite.org/pragma.html#pragma_synchronous: in WAL mode, NORMAL may lose the last commits on power loss).
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS security_journal (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            operation INTEGER NOT NULL,
            item_id TEXT NOT NULL,
            tag_uids TEXT NOT NULL,
            step INTEGER NOT NULL,
            offline_id INTEGER NULL,
            note TEXT NULL,
            started_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            resolved INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX IF NOT EXISTS security_journal_step ON security_journal (step);
        CREATE TABLE IF NOT EXISTS offline_queue (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind INTEGER NOT NULL,
            item_id TEXT NOT NULL,
            patron TEXT NULL,
            at TEXT NOT NULL,
            state INTEGER NOT NULL,
            conflict INTEGER NULL,
            note TEXT NULL);
        CREATE INDEX IF NOT EXISTS offline_queue_state ON offline_queue (state);
        """;

    private readonly string _connectionString;
    private readonly Lazy<Task> _created;

    // SQLITE_IOERR and SQLITE_FULL may roll the whole transaction back (sqlite.org/lang_transaction.html, "Response To
    // Errors Within A Transaction"): the group then fails as one rather than committing a half.
    private const int SqliteErrorIo = 10;
    private const int SqliteErrorFull = 13;

    // Most writes a batch holds: enough for a stack of books and its events, small enough to keep one commit short.
    private const int MaxBatch = 64;

    // Writes queue here and one commit loop takes them in groups. Parallel checkouts would otherwise meet SQLITE_BUSY,
    // whose busy handler sleeps in steps of 1 to 100 ms (sqlite.org/c3ref/busy_timeout.html), or, taken one at a time,
    // pay one fsync each: with synchronous=FULL every commit syncs the WAL (sqlite.org/wal.html, "Performance
    // Considerations"), so ten books confirmed together would wait for ten syncs in a row. A group commit makes every
    // write that arrived during one sync durable with the next single sync.
    private readonly Lock _queueGate = new();
    private readonly Queue<PendingWrite> _pending = new();
    private bool _committing;

    public SqliteDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
        _created = new Lazy<Task>(CreateAsync);
    }

    public string Path { get; }

    /// <summary>
    /// Runs <paramref name="write"/> inside the next group commit. The returned task completes once the group is durably
    /// committed, never before; when the write throws, only its own changes are rolled back (a savepoint each), and the
    /// others in the group still commit.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        var pending = new PendingWrite<T>(write, cancellationToken);
        bool lead;
        lock (_queueGate)
        {
            _pending.Enqueue(pending);
            lead = !_committing;
            _committing = true;
        }

        if (lead)
        {
            _ = Task.Run(CommitLoopAsync, CancellationToken.None);
        }

        return pending.Task;
    }

    private async Task CommitLoopAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (true)
        {
            batch.Clear();
            lock (_queueGate)
            {
                while (batch.Count < MaxBatch && _pending.TryDequeue(out var next))
                {
                    batch.Add(next);
                }

                if (batch.Count == 0)
                {
                    _committing = false;
                    return;
                }
            }

            await CommitAsync(batch).ConfigureAwait(false);
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        var written = new List<PendingWrite>(batch.Count);
        try
        {
            await using var connection = await OpenAsync(CancellationToken.None).ConfigureAwait(false);

            // IMMEDIATE takes the write lock at once, so no statement inside can meet SQLITE_BUSY half-way.
            await ExecuteAsync(connection, "BEGIN IMMEDIATE;").ConfigureAwait(false);
            try
            {
                foreach (var write in batch)
                {
                    if (write.CancellationToken.IsCancellationRequested)
                    {
                        write.Cancel();
                        continue;
                    }

                    await ExecuteAsync(connection, "SAVEPOINT write;").ConfigureAwait(false);
                    try
                    {
                        await write.RunAsync(connection).ConfigureAwait(false);
                        await ExecuteAsync(connection, "RELEASE write;").ConfigureAwait(false);
                        written.Add(write);
                    }
                    catch (Exception ex) when (ex is not SqliteException { SqliteErrorCode: SqliteErrorIo or SqliteErrorFull })
                    {
                        await ExecuteAsync(connection, "ROLLBACK TO write; RELEASE write;").ConfigureAwait(false);
                        if (ex is OperationCanceledException && write.CancellationToken.IsCancellationRequested)
                        {
                            write.Cancel();
                        }
                        else
                        {
                            write.Fail(ex);
                        }
                    }
                }

                await ExecuteAsync(connection, "COMMIT;").ConfigureAwait(false);
            }
            catch
            {
                await TryRollbackAsync(connection).ConfigureAwait(false);
                throw;
            }
        }
#pragma warning disable CA1031 // Whatever stopped the commit is every waiting caller's failure; the loop must go on for later writes.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            foreach (var write in batch)
            {
                write.Fail(ex);
            }

            return;
        }

        foreach (var write in written)
        {
            write.Complete();
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private static async Task TryRollbackAsync(SqliteConnection connection)
    {
        try
        {
            await ExecuteAsync(connection, "ROLLBACK;").ConfigureAwait(false);
        }
        catch (SqliteException)
        {
            // SQLite rolled back already (the error that brought us here did it); nothing is left to undo.
        }
    }

    public void Dispose()
    {
        // Nothing to release: connections are pooled by Microsoft.Data.Sqlite and each commit disposes its own.
    }

    /// <summary>An open connection, with the tables created on first use.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _created.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await OpenRawAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task CreateAsync()
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        try
        {
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            await using var connection = await OpenRawAsync(CancellationToken.None).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;" + Schema;
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"The circulation database {Path} cannot be opened or created ({ex.Message}); set Kiosk:Storage:DatabasePath to a writable file on persistent storage.", ex);
        }
    }

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragma = connection.CreateCommand();

            // synchronous is per connection, so every connection sets it; busy_timeout lets the UI's reads wait out a write.
            pragma.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
