using System.Globalization;
using Kiosk.Circulation.Security;
using Microsoft.Data.Sqlite;

namespace Kiosk.Storage;

/// <summary>The security switching journal in SQLite: each write is committed durably before its task completes.</summary>
internal sealed class SqliteSecurityJournal(SqliteDatabase database, TimeProvider timeProvider) : ISecurityJournal
{
    private const string Columns = "id, operation, item_id, tag_uids, step, offline_id, note, started_at, updated_at";

    public async Task<long> BeginAsync(SecurityOperation operation, string itemId, IReadOnlyList<string> tagUids, SecurityStep stepToTake, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(itemId);
        ArgumentNullException.ThrowIfNull(tagUids);
        var now = Stamp(timeProvider.GetUtcNow());
        return await database.WriteAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "INSERT INTO security_journal (operation, item_id, tag_uids, step, started_at, updated_at) VALUES ($op, $item, $tags, $step, $now, $now) RETURNING id;";
                command.Parameters.AddWithValue("$op", (int)operation);
                command.Parameters.AddWithValue("$item", itemId);
                command.Parameters.AddWithValue("$tags", string.Join(',', tagUids));
                command.Parameters.AddWithValue("$step", (int)stepToTake);
                command.Parameters.AddWithValue("$now", now);
                return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task RecordAsync(long id, SecurityStep stepToTake, long? offlineTransactionId = null, string? note = null, CancellationToken cancellationToken = default)
    {
        var changed = await database.WriteAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "UPDATE security_journal SET step = $step, offline_id = COALESCE($offline, offline_id), note = COALESCE($note, note), updated_at = $now WHERE id = $id;";
                command.Parameters.AddWithValue("$step", (int)stepToTake);
                command.Parameters.AddWithValue("$offline", (object?)offlineTransactionId ?? DBNull.Value);
                command.Parameters.AddWithValue("$note", (object?)note ?? DBNull.Value);
                command.Parameters.AddWithValue("$now", Stamp(timeProvider.GetUtcNow()));
                command.Parameters.AddWithValue("$id", id);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        if (changed != 1)
        {
            throw new InvalidOperationException($"Security journal entry {id} does not exist in {database.Path}; the file may have been replaced while the kiosk ran.");
        }
    }

    public Task<IReadOnlyList<SecurityJournalEntry>> UnfinishedAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM security_journal WHERE step NOT IN ({(int)SecurityStep.Done}, {(int)SecurityStep.NeedsStaff}) ORDER BY id;", cancellationToken);

    public Task<IReadOnlyList<SecurityJournalEntry>> NeedingStaffAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM security_journal WHERE step = {(int)SecurityStep.NeedsStaff} AND resolved = 0 ORDER BY id;", cancellationToken);

    public async Task<bool> ResolveAsync(long id, CancellationToken cancellationToken = default)
    {
        // Through the group commit like every other write: the staff screen's tap is durable when it is answered, and it
        // never meets SQLITE_BUSY against a stack of loans being journalled.
        var changed = await database.WriteAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"UPDATE security_journal SET resolved = 1, updated_at = $now WHERE id = $id AND step = {(int)SecurityStep.NeedsStaff} AND resolved = 0;";
                command.Parameters.AddWithValue("$now", Stamp(timeProvider.GetUtcNow()));
                command.Parameters.AddWithValue("$id", id);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return changed == 1;
    }

    private async Task<IReadOnlyList<SecurityJournalEntry>> QueryAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<SecurityJournalEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new SecurityJournalEntry(
                reader.GetInt64(0),
                (SecurityOperation)reader.GetInt32(1),
                reader.GetString(2),
                reader.GetString(3).Split(',', StringSplitOptions.RemoveEmptyEntries),
                (SecurityStep)reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetInt64(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                Parse(reader.GetString(7)),
                Parse(reader.GetString(8))));
        }

        return entries;
    }

    internal static string Stamp(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    internal static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
