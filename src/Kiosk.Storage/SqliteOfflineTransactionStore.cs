using System.Globalization;
using Kiosk.Circulation.Availability;

namespace Kiosk.Storage;

/// <summary>The offline queue in SQLite: a transaction is committed durably before <see cref="EnqueueAsync"/> completes.</summary>
internal sealed class SqliteOfflineTransactionStore(SqliteDatabase database) : IOfflineTransactionStore
{
    private const string Columns = "id, kind, item_id, patron, at, state, conflict, note";

    public async Task<long> EnqueueAsync(OfflineTransactionKind kind, string itemId, string? patronIdentifier, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(itemId);
        return await database.WriteAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "INSERT INTO offline_queue (kind, item_id, patron, at, state) VALUES ($kind, $item, $patron, $at, $state) RETURNING id;";
                command.Parameters.AddWithValue("$kind", (int)kind);
                command.Parameters.AddWithValue("$item", itemId);
                command.Parameters.AddWithValue("$patron", (object?)patronIdentifier ?? DBNull.Value);
                command.Parameters.AddWithValue("$at", SqliteSecurityJournal.Stamp(at));
                command.Parameters.AddWithValue("$state", (int)OfflineTransactionState.Pending);
                return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<OfflineTransaction>> PendingAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM offline_queue WHERE state = {(int)OfflineTransactionState.Pending} ORDER BY id;", cancellationToken);

    public Task<IReadOnlyList<OfflineTransaction>> ConflictsAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM offline_queue WHERE state = {(int)OfflineTransactionState.Conflict} ORDER BY id;", cancellationToken);

    public Task MarkReplayedAsync(long id, CancellationToken cancellationToken = default) =>
        SetStateAsync(id, OfflineTransactionState.Replayed, null, null, cancellationToken);

    public Task MarkConflictAsync(long id, OfflineConflictReason reason, string? note, CancellationToken cancellationToken = default) =>
        SetStateAsync(id, OfflineTransactionState.Conflict, reason, note, cancellationToken);

    public Task CancelAsync(long id, CancellationToken cancellationToken = default) =>
        SetStateAsync(id, OfflineTransactionState.Cancelled, null, null, cancellationToken);

    public async Task<bool> ResolveAsync(long id, CancellationToken cancellationToken = default)
    {
        var changed = await database.WriteAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand();

                // Staff have dealt with it at the desk: the card number has served its purpose (data minimisation, as for a
                // replayed loan). The conflict code and note stay, for the record of what was dealt with.
                command.CommandText = "UPDATE offline_queue SET state = $resolved, patron = NULL WHERE id = $id AND state = $conflict;";
                command.Parameters.AddWithValue("$resolved", (int)OfflineTransactionState.Resolved);
                command.Parameters.AddWithValue("$conflict", (int)OfflineTransactionState.Conflict);
                command.Parameters.AddWithValue("$id", id);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return changed == 1;
    }

    private Task<int> SetStateAsync(long id, OfflineTransactionState state, OfflineConflictReason? reason, string? note, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand();

                // A replayed or withdrawn loan no longer needs the card number: forget it (data minimisation). A conflict keeps it for staff.
                command.CommandText = state == OfflineTransactionState.Conflict
                    ? "UPDATE offline_queue SET state = $state, conflict = $conflict, note = $note WHERE id = $id;"
                    : "UPDATE offline_queue SET state = $state, patron = NULL WHERE id = $id;";
                command.Parameters.AddWithValue("$state", (int)state);
                command.Parameters.AddWithValue("$conflict", (object?)(int?)reason ?? DBNull.Value);
                command.Parameters.AddWithValue("$note", (object?)note ?? DBNull.Value);
                command.Parameters.AddWithValue("$id", id);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    private async Task<IReadOnlyList<OfflineTransaction>> QueryAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var transactions = new List<OfflineTransaction>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            transactions.Add(new OfflineTransaction(
                reader.GetInt64(0),
                (OfflineTransactionKind)reader.GetInt32(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                SqliteSecurityJournal.Parse(reader.GetString(4)),
                (OfflineTransactionState)reader.GetInt32(5),
                reader.IsDBNull(6) ? null : (OfflineConflictReason)reader.GetInt32(6),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return transactions;
    }
}
