using Kiosk.Storage;
using Microsoft.Data.Sqlite;

namespace Kiosk.Circulation.Tests.Sessions;

/// <summary>
/// The group commit behind every journal and queue write: writes that arrive while a commit is in progress share the
/// next one, each caller learns of its write only once it is durable, and one failing write takes only its own changes
/// with it.
/// </summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "kiosk-group-commit-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly SqliteDatabase _database;

    public SqliteGroupCommitTests()
    {
        _database = new SqliteDatabase(_path);
    }

    [Fact]
    public async Task A_write_is_reported_only_when_its_group_has_committed()
    {
        await CreateScratchTableAsync();
        var (first, releaseFirst) = await HoldTheCommitLoopAsync();

        var quick = _database.WriteAsync(connection => InsertAsync(connection, "quick"), CancellationToken.None);
        var slowRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseSlow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = _database.WriteAsync(
            async connection =>
            {
                var id = await InsertAsync(connection, "slow");
                slowRunning.SetResult();
                await releaseSlow.Task;
                return id;
            },
            CancellationToken.None);

        releaseFirst.SetResult();
        await first;
        await slowRunning.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // "quick" has run inside the group, but the group has not committed: its caller must not hear of it yet, and no
        // other connection may see it.
        Assert.False(quick.IsCompleted);
        Assert.DoesNotContain("quick", await ValuesAsync());

        releaseSlow.SetResult();
        await Task.WhenAll(quick, slow).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["first", "quick", "slow"], await ValuesAsync());
    }

    [Fact]
    public async Task A_failing_write_loses_only_its_own_changes_and_the_rest_of_its_group_commits()
    {
        await CreateScratchTableAsync();
        var (first, releaseFirst) = await HoldTheCommitLoopAsync();

        var before = _database.WriteAsync(connection => InsertAsync(connection, "before"), CancellationToken.None);
        var failing = _database.WriteAsync<long>(
            async connection =>
            {
                await InsertAsync(connection, "failing");
                throw new InvalidOperationException("the write found something wrong after inserting");
            },
            CancellationToken.None);
        var after = _database.WriteAsync(connection => InsertAsync(connection, "after"), CancellationToken.None);

        releaseFirst.SetResult();
        await first;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal("the write found something wrong after inserting", error.Message);
        await Task.WhenAll(before, after).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["after", "before", "first"], (await ValuesAsync()).Order());
    }

    [Fact]
    public async Task A_write_cancelled_while_it_waits_for_its_group_is_never_applied()
    {
        await CreateScratchTableAsync();
        var (first, releaseFirst) = await HoldTheCommitLoopAsync();

        using var cancellation = new CancellationTokenSource();
        var cancelled = _database.WriteAsync(connection => InsertAsync(connection, "cancelled"), cancellation.Token);
        var kept = _database.WriteAsync(connection => InsertAsync(connection, "kept"), CancellationToken.None);
        await cancellation.CancelAsync();

        releaseFirst.SetResult();
        await first;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await kept.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["first", "kept"], await ValuesAsync());
    }

    [Fact]
    public async Task Many_parallel_writes_all_commit_with_their_own_results()
    {
        await CreateScratchTableAsync();

        var writes = Enumerable.Range(0, 200)
            .Select(n => Task.Run(() => _database.WriteAsync(connection => InsertAsync(connection, "v" + n.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None)))
            .ToList();
        var ids = await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(200, ids.Distinct().Count());
        Assert.Equal(200, (await ValuesAsync()).Count);
    }

    public void Dispose()
    {
        _database.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    /// <summary>Starts a write that holds the commit loop inside its group until released, and waits until it does.</summary>
    private async Task<(Task<long> Write, TaskCompletionSource Release)> HoldTheCommitLoopAsync()
    {
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var write = _database.WriteAsync(
            async connection =>
            {
                var id = await InsertAsync(connection, "first");
                running.SetResult();
                await release.Task;
                return id;
            },
            CancellationToken.None);
        await running.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return (write, release);
    }

    private async Task CreateScratchTableAsync()
    {
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE scratch (id INTEGER PRIMARY KEY AUTOINCREMENT, value TEXT NOT NULL);";
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> InsertAsync(SqliteConnection connection, string value)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO scratch (value) VALUES ($value) RETURNING id;";
        command.Parameters.AddWithValue("$value", value);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<List<string>> ValuesAsync()
    {
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM scratch ORDER BY id;";
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
