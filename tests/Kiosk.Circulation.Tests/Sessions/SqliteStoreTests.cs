using Kiosk.Circulation.Availability;
using Kiosk.Circulation.Security;
using Kiosk.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Circulation.Tests.Sessions;

/// <summary>The SQLite journal and queue on their own: durable settings, order, and what survives reopening the file.</summary>
public sealed class SqliteStoreTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "kiosk-store-test-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.FromHours(7)));

    [Fact]
    public async Task The_database_is_in_WAL_mode_and_each_connection_commits_with_synchronous_full()
    {
        var database = new SqliteDatabase(_path);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode; ";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA synchronous;";

        // 2 is FULL (sqlite.org/pragma.html#pragma_synchronous).
        Assert.Equal(2L, (long?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Unfinished_journal_entries_survive_reopening_the_file_in_the_order_they_began()
    {
        var journal = new SqliteSecurityJournal(new SqliteDatabase(_path), _time);
        var first = await journal.BeginAsync(SecurityOperation.Checkout, "TV0001", ["E004010000000001"], SecurityStep.IlsCheckout);
        var second = await journal.BeginAsync(SecurityOperation.Return, "TV0007", ["E004010000000002", "E004010000000003"], SecurityStep.Secure);
        var done = await journal.BeginAsync(SecurityOperation.Checkout, "TV0005", ["E004010000000004"], SecurityStep.IlsCheckout);
        await journal.RecordAsync(first, SecurityStep.Unsecure);
        await journal.RecordAsync(done, SecurityStep.Done);

        var reopened = new SqliteSecurityJournal(new SqliteDatabase(_path), _time);
        var unfinished = await reopened.UnfinishedAsync();

        Assert.Equal([first, second], unfinished.Select(e => e.Id));
        Assert.Equal(SecurityStep.Unsecure, unfinished[0].Step);
        Assert.Equal(["E004010000000002", "E004010000000003"], unfinished[1].TagUids);
        Assert.Equal(_time.GetUtcNow(), unfinished[1].StartedAt);
    }

    [Fact]
    public async Task A_staff_entry_leaves_the_list_when_resolved()
    {
        var journal = new SqliteSecurityJournal(new SqliteDatabase(_path), _time);
        var id = await journal.BeginAsync(SecurityOperation.Checkout, "TV0001", ["E004010000000001"], SecurityStep.IlsCheckout);
        await journal.RecordAsync(id, SecurityStep.NeedsStaff, note: "tag would not switch");
        Assert.Equal("tag would not switch", Assert.Single(await journal.NeedingStaffAsync()).Note);

        await journal.ResolveAsync(id);

        Assert.Empty(await journal.NeedingStaffAsync());
    }

    [Fact]
    public async Task Only_an_entry_listed_for_staff_can_be_resolved_and_only_once()
    {
        var journal = new SqliteSecurityJournal(new SqliteDatabase(_path), _time);
        var listed = await journal.BeginAsync(SecurityOperation.Return, "TV0001", ["E004010000000001"], SecurityStep.Secure);
        var unfinished = await journal.BeginAsync(SecurityOperation.Checkout, "TV0005", ["E004010000000002"], SecurityStep.IlsCheckout);
        await journal.RecordAsync(listed, SecurityStep.NeedsStaff, note: "not returned");

        Assert.False(await journal.ResolveAsync(unfinished));
        Assert.False(await journal.ResolveAsync(4242));
        Assert.True(await journal.ResolveAsync(listed));
        Assert.False(await journal.ResolveAsync(listed));

        // Resolving takes nothing from recovery: the unfinished entry is still there to be brought to agreement.
        Assert.Equal(unfinished, Assert.Single(await new SqliteSecurityJournal(new SqliteDatabase(_path), _time).UnfinishedAsync()).Id);
        Assert.Empty(await journal.NeedingStaffAsync());
    }

    [Fact]
    public async Task A_resolved_offline_conflict_leaves_the_staff_list_and_forgets_its_card_number()
    {
        var queue = new SqliteOfflineTransactionStore(new SqliteDatabase(_path));
        var resolved = await queue.EnqueueAsync(OfflineTransactionKind.Checkout, "TV0005", "BD0001", _time.GetUtcNow());
        var stays = await queue.EnqueueAsync(OfflineTransactionKind.Checkout, "TV0006", "BD0002", _time.GetUtcNow());
        var pending = await queue.EnqueueAsync(OfflineTransactionKind.Checkout, "TV0008", "BD0003", _time.GetUtcNow());
        await queue.MarkConflictAsync(resolved, OfflineConflictReason.ItemOnLoanToSomeoneElse, "on loan");
        await queue.MarkConflictAsync(stays, OfflineConflictReason.PatronBlocked, "blocked");

        Assert.False(await queue.ResolveAsync(pending));
        Assert.True(await queue.ResolveAsync(resolved));
        Assert.False(await queue.ResolveAsync(resolved));

        Assert.Equal(stays, Assert.Single(await new SqliteOfflineTransactionStore(new SqliteDatabase(_path)).ConflictsAsync()).Id);
        Assert.Equal(pending, Assert.Single(await queue.PendingAsync()).Id);
        await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state, patron, conflict FROM offline_queue WHERE id = $id;";
        command.Parameters.AddWithValue("$id", resolved);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((int)OfflineTransactionState.Resolved, reader.GetInt32(0));
        Assert.True(reader.IsDBNull(1));
        Assert.Equal((int)OfflineConflictReason.ItemOnLoanToSomeoneElse, reader.GetInt32(2));
    }

    [Fact]
    public async Task Recording_a_step_of_an_entry_that_does_not_exist_says_so()
    {
        var journal = new SqliteSecurityJournal(new SqliteDatabase(_path), _time);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => journal.RecordAsync(42, SecurityStep.Done));

        Assert.Contains("42", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replayed_loan_forgets_its_card_number_but_a_conflict_keeps_it_for_staff()
    {
        var queue = new SqliteOfflineTransactionStore(new SqliteDatabase(_path));
        var replayed = await queue.EnqueueAsync(OfflineTransactionKind.Checkout, "TV0001", "BD0001", _time.GetUtcNow());
        var conflict = await queue.EnqueueAsync(OfflineTransactionKind.Checkout, "TV0005", "BD0001", _time.GetUtcNow());
        await queue.MarkReplayedAsync(replayed);
        await queue.MarkConflictAsync(conflict, OfflineConflictReason.ItemOnLoanToSomeoneElse, "on loan");

        await using (var connection = new SqliteConnection($"Data Source={_path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM offline_queue WHERE patron IS NOT NULL;";
            Assert.Equal(1L, (long?)await command.ExecuteScalarAsync());
        }

        var staff = Assert.Single(await queue.ConflictsAsync());
        Assert.Equal("BD0001", staff.PatronIdentifier);
        Assert.Equal(OfflineConflictReason.ItemOnLoanToSomeoneElse, staff.Conflict);
        Assert.Empty(await queue.PendingAsync());
    }

    [Fact]
    public async Task A_database_path_that_cannot_be_created_names_the_key_to_fix()
    {
        var blocker = _path + ".file";
        await File.WriteAllTextAsync(blocker, "not a directory");
        var database = new SqliteDatabase(Path.Combine(blocker, "circulation.db"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => database.OpenAsync(CancellationToken.None));

        Assert.Contains("Kiosk:Storage:DatabasePath", error.Message, StringComparison.Ordinal);
        File.Delete(blocker);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
