using System.Threading.Channels;
using Kiosk.Events.Envelope;
using Kiosk.Events.Model;
using Kiosk.Events.Options;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Kiosk.Events.Outbox;

/// <summary>
/// The outbox in one SQLite file in WAL mode. Appends and deletes share one writer connection under a lock, so the
/// sequence is assigned and committed in the same order; the publisher reads through its own connection, which WAL lets
/// run beside the writer without blocking it.
/// </summary>
internal sealed class SqliteEventOutbox : IEventOutbox, IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS events (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL,
            type TEXT NOT NULL,
            class INTEGER NOT NULL,
            time INTEGER NOT NULL,
            payload BLOB NOT NULL);
        CREATE INDEX IF NOT EXISTS events_by_class ON events(class, seq);
        """;

    private readonly OutboxOptions _options;
    private readonly CloudEventEncoder _encoder;
    private readonly PatronDataGuard _guard;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private int _disposed;
    private readonly Lock _readLock = new();
    private readonly Channel<bool> _appended = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly FileStream _ownership;
    private readonly SqliteConnection _writer;
    private readonly SqliteConnection _reader;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _evictOldestStatus;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _read;
    private long _lastSequence;
    private int _count;
    private OutboxState _state;
    private long _dropped;
    private long _refused;

    public SqliteEventOutbox(OutboxOptions options, CloudEventEncoder encoder, PatronDataGuard guard, TimeProvider time, ILogger<SqliteEventOutbox> logger)
    {
        _options = options;
        _encoder = encoder;
        _guard = guard;
        _time = time;
        _logger = logger;
        Path = System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(options.Path) ? "kiosk-events.db" : options.Path);
        try
        {
            var directory = System.IO.Path.GetDirectoryName(Path);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            // One process owns an outbox: the sequence is assigned in memory. .NET takes an advisory flock for
            // FileShare.None on Unix, which the kernel releases when the owner dies, so a killed kiosk never blocks its restart.
            try
            {
                _ownership = new FileStream(Path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException exception)
            {
                throw new InvalidOperationException(
                    $"The event outbox {Path} (Kiosk:Events:Outbox:Path) is in use by another kiosk process; run one kiosk per outbox, or give this one its own path.", exception);
            }

            // Pooling off: the file is closed when the outbox is disposed, so a restart (or a test) reopens it cleanly.
            var connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();
            _writer = new SqliteConnection(connectionString);
            _writer.Open();
            var synchronous = options.Durability == OutboxDurability.Full ? "FULL" : "NORMAL";
            Execute(_writer, $"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous}; PRAGMA busy_timeout=5000;");
            Execute(_writer, Schema);
            _reader = new SqliteConnection(connectionString);
            _reader.Open();
            Execute(_reader, "PRAGMA busy_timeout=5000;");
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"The event outbox {Path} (Kiosk:Events:Outbox:Path) could not be opened: {exception.Message}. " +
                "Check that the folder is writable by the kiosk's user and that no other kiosk process uses the file.", exception);
        }

        using (var command = _writer.CreateCommand())
        {
            command.CommandText = "SELECT COUNT(*), COALESCE(MAX(seq), 0) FROM events";
            using var row = command.ExecuteReader();
            row.Read();
            _count = row.GetInt32(0);
            _lastSequence = row.GetInt64(1);
        }

        using (var command = _writer.CreateCommand())
        {
            // AUTOINCREMENT remembers the highest sequence ever used even after its row is deleted (SQLite "AUTOINCREMENT"),
            // so the order continues across restarts after the outbox drained.
            command.CommandText = "SELECT seq FROM sqlite_sequence WHERE name = 'events'";
            if (command.ExecuteScalar() is long highest && highest > _lastSequence)
            {
                _lastSequence = highest;
            }
        }

        _insert = Prepare(_writer, "INSERT INTO events (seq, id, type, class, time, payload) VALUES ($seq, $id, $type, $class, $time, $payload)", "$seq", "$id", "$type", "$class", "$time", "$payload");
        _evictOldestStatus = Prepare(_writer, $"DELETE FROM events WHERE seq = (SELECT seq FROM events WHERE class = {(int)EventClass.Status} ORDER BY seq LIMIT 1)");
        _delete = Prepare(_writer, "DELETE FROM events WHERE seq BETWEEN $first AND $last", "$first", "$last");
        _read = Prepare(_reader, "SELECT seq, type, payload FROM events WHERE seq > $after ORDER BY seq LIMIT $limit", "$after", "$limit");
        _state = StateFor(_count);
        if (_count > 0)
        {
            Log.OutboxOpened(_logger, Path, _count);
            _appended.Writer.TryWrite(true);
        }
    }

    /// <summary>The SQLite file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public OutboxStatus Status => new(Volatile.Read(ref _count), _options.Capacity, _state, Interlocked.Read(ref _dropped), Interlocked.Read(ref _refused));

    /// <summary>Raised (outside the lock) when the state changes, for the host's health and for logs.</summary>
    public event Action<OutboxState>? StateChanged;

    /// <inheritdoc/>
    public async ValueTask<OutboxReceipt> AppendAsync(KioskEventData data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var now = _time.GetUtcNow();
        var id = Guid.CreateVersion7(now).ToString();
        OutboxReceipt receipt;
        OutboxState? changed;
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var sequence = _lastSequence + 1;
            var payload = _encoder.Encode(data, id, sequence, now);
            _guard.Check(payload, data.EventType);
            using var transaction = _writer.BeginTransaction();
            if (_count >= _options.Capacity)
            {
                if (Execute(_evictOldestStatus, transaction) == 1)
                {
                    _count--;
                    Interlocked.Increment(ref _dropped);
                    Log.StatusEventEvicted(_logger, _count, _options.Capacity);
                }
                else if (data.EventClass == EventClass.Status)
                {
                    // Nothing older to give way: the newest status is the one to lose, since a later status supersedes it.
                    Interlocked.Increment(ref _dropped);
                    Log.StatusEventDropped(_logger, data.EventType, _options.Capacity);
                    return new OutboxReceipt(id, 0, Stored: false);
                }
                else
                {
                    Interlocked.Increment(ref _refused);
                    changed = Transition(OutboxState.Full, transaction);
                    transaction.Commit();
                    Log.TransactionRefused(_logger, data.EventType, _options.Capacity);
                    RaiseChanged(changed);
                    throw new OutboxFullException(
                        $"The event outbox {Path} holds {_options.Capacity} undelivered transactions (Kiosk:Events:Outbox:Capacity), so {data.EventType} cannot be recorded; " +
                        "the action must be refused until the broker takes the backlog. Check the broker link, or raise the capacity.");
                }
            }

            Insert(transaction, sequence, id, data.EventType, data.EventClass, now, payload);
            changed = Transition(StateFor(_count), transaction);
            transaction.Commit();
            receipt = new OutboxReceipt(id, sequence, Stored: true);
        }
        finally
        {
            _writeLock.Release();
        }

        RaiseChanged(changed);
        _appended.Writer.TryWrite(true);
        return receipt;
    }

    /// <summary>Up to <paramref name="limit"/> events after <paramref name="afterSequence"/>, oldest first.</summary>
    public IReadOnlyList<OutboxRecord> Read(long afterSequence, int limit)
    {
        lock (_readLock)
        {
            _read.Parameters["$after"].Value = afterSequence;
            _read.Parameters["$limit"].Value = limit;
            var records = new List<OutboxRecord>(Math.Min(limit, 1024));
            using var row = _read.ExecuteReader();
            while (row.Read())
            {
                records.Add(new OutboxRecord(row.GetInt64(0), row.GetString(1), (byte[])row.GetValue(2)));
            }

            return records;
        }
    }

    /// <summary>
    /// Deletes the acknowledged events <paramref name="first"/> to <paramref name="last"/> in one statement and one
    /// transaction (one fsync for the whole run). The publisher reads in sequence order and acknowledges a prefix, so
    /// every event in the range was published; appends only ever take higher sequences.
    /// </summary>
    public async ValueTask DeleteRangeAsync(long first, long last, CancellationToken cancellationToken = default)
    {
        if (last < first)
        {
            return;
        }

        OutboxState? changed;
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = _writer.BeginTransaction();
            _delete.Transaction = transaction;
            _delete.Parameters["$first"].Value = first;
            _delete.Parameters["$last"].Value = last;
            _count -= _delete.ExecuteNonQuery();
            changed = Transition(StateFor(_count), transaction);
            transaction.Commit();
        }
        finally
        {
            _writeLock.Release();
        }

        RaiseChanged(changed);
    }

    /// <summary>Waits until an event may be waiting (an append since the last wait, or events at start).</summary>
    public async ValueTask WaitForEventsAsync(CancellationToken cancellationToken)
    {
        if (await _appended.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            _appended.Reader.TryRead(out _);
        }
    }

    public void Dispose()
    {
        // Once only: the host's container can hold the outbox under two registrations and dispose it through both.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // A write in flight (an append, or the publisher's delete) finishes first: disposing the connection under its
        // transaction left SQLite's transaction half-completed (a NullReferenceException from Dispose at host shutdown).
        // Bounded, so a stuck disk cannot hold the shutdown.
        _ = _writeLock.Wait(TimeSpan.FromSeconds(5));
        _insert.Dispose();
        _evictOldestStatus.Dispose();
        _delete.Dispose();
        _read.Dispose();
        _writer.Dispose();
        _reader.Dispose();
        _writeLock.Dispose();
        _ownership.Dispose();
    }

    private OutboxState StateFor(int count) =>
        count >= _options.Capacity ? OutboxState.Full
        : count >= _options.Capacity * _options.WarningRatio ? OutboxState.Filling
        : OutboxState.Healthy;

    /// <summary>
    /// Moves to <paramref name="next"/> and, on a change, records the change itself as an event in the same
    /// transaction. That event is outside the bound: it is one small row per change, and it is the one the central
    /// system most needs when the outbox is full.
    /// </summary>
    private OutboxState? Transition(OutboxState next, SqliteTransaction transaction)
    {
        if (next == _state)
        {
            return null;
        }

        _state = next;
        var now = _time.GetUtcNow();
        var id = Guid.CreateVersion7(now).ToString();
        var data = new OutboxStateChangedData(next, _count, _options.Capacity);
        var sequence = _lastSequence + 1;
        Insert(transaction, sequence, id, data.EventType, data.EventClass, now, _encoder.Encode(data, id, sequence, now));
        return next;
    }

    private void Insert(SqliteTransaction transaction, long sequence, string id, string type, EventClass eventClass, DateTimeOffset time, byte[] payload)
    {
        _insert.Transaction = transaction;
        _insert.Parameters["$seq"].Value = sequence;
        _insert.Parameters["$id"].Value = id;
        _insert.Parameters["$type"].Value = type;
        _insert.Parameters["$class"].Value = (int)eventClass;
        _insert.Parameters["$time"].Value = time.ToUnixTimeMilliseconds();
        _insert.Parameters["$payload"].Value = payload;
        _insert.ExecuteNonQuery();
        _lastSequence = sequence;
        _count++;
    }

    private void RaiseChanged(OutboxState? changed)
    {
        if (changed is { } state)
        {
            Log.OutboxStateChanged(_logger, state, Volatile.Read(ref _count), _options.Capacity);
            StateChanged?.Invoke(state);
        }
    }

    private static int Execute(SqliteCommand command, SqliteTransaction transaction)
    {
        command.Transaction = transaction;
        return command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }
}
