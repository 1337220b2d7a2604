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

    // One writer at a time inside the process: parallel checkouts would otherwise meet SQLITE_BUSY, whose busy handler
    // sleeps in steps of 1 to 100 ms (sqlite.org/c3ref/busy_timeout.html), stalling loans for nothing.
    private readonly SemaphoreSlim _writer = new(1, 1);

    public SqliteDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
        _created = new Lazy<Task>(CreateAsync);
    }

    public string Path { get; }

    /// <summary>Runs <paramref name="write"/> on an open connection, one writer at a time.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            return await write(connection).ConfigureAwait(false);
        }
        finally
        {
            _writer.Release();
        }
    }

    public void Dispose() => _writer.Dispose();

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
