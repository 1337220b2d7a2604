using System.Collections.Concurrent;
using Kiosk.Circulation.DomainEvents;
using Kiosk.Circulation.Availability;
using Kiosk.Circulation.Security;
using Kiosk.Events.Model;
using Kiosk.Events.Outbox;
using Microsoft.Extensions.Options;

namespace KioskController.Bridges;

/// <summary>
/// Turns the circulation kiosk's events into the central system's events and commits each to the outbox before the
/// step that raised it returns, so a loan is never reported done to the patron without its record on disk.
/// </summary>
/// <remarks>
/// The circulation awaits its sinks, so the step that raised an event goes on only once its commit (an SQLite WAL
/// append, about a millisecond) is done. A full outbox or an event carrying patron data is logged and the event
/// dropped: the kiosk's own health check reports a full outbox, and the guard's refusal is a bug to fix, not a reason to
/// stop a loan midway.
/// </remarks>
internal sealed partial class OutboxCirculationSink(IEventOutbox outbox, IOptions<KioskOptions> kiosk, ILogger<OutboxCirculationSink> logger) : ICirculationEventSink
{
    private readonly ConcurrentDictionary<Guid, SessionTally> _sessions = new();

    public async ValueTask PublishAsync(CirculationEvent circulationEvent, CancellationToken cancellationToken = default)
    {
        var data = Map(circulationEvent);
        if (data is null)
        {
            return;
        }

        try
        {
            await outbox.AppendAsync(data, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OutboxFullException or Kiosk.Events.Envelope.PatronDataLeakException or InvalidOperationException)
        {
            Log.NotRecorded(logger, data.EventType, ex.Message);
        }
    }

    private KioskEventData? Map(CirculationEvent circulationEvent) => circulationEvent switch
    {
        SessionStarted started => Start(started),
        SessionEnded ended => End(ended),
        ItemCheckedOut loan => Count(loan.SessionId, tally => tally.CheckedOut++) is var tally
            ? new ItemCheckedOutData(loan.SessionId.ToString(), loan.ItemId, null, loan.DueDate, tally?.Pseudonym)
            : null,
        ItemReturned returned => Count(returned.SessionId, tally => tally.Returned++) is var tally
            ? new ItemReturnedData(returned.SessionId?.ToString(), returned.ItemId, null, returned.SortBin)
            : null,
        ItemRenewed renewed => Count(renewed.SessionId, tally => tally.Renewed++) is var tally
            ? new ItemRenewedData(renewed.SessionId.ToString(), renewed.ItemId, renewed.DueDate, tally?.Pseudonym)
            : null,
        ItemRefused refused => new ItemRefusedData(refused.SessionId?.ToString(), refused.ItemId, Operation(refused.Operation), Code(refused.Reason.ToString())),
        SetIncomplete set when set.Refused => new ItemRefusedData(set.SessionId?.ToString(), set.ItemId, TransactionOperation.Checkout, "set-incomplete"),
        ItemRemovedBeforeSwitch removed => new ItemRemovedBeforeSwitchData(removed.SessionId.ToString(), removed.ItemId),
        SecuritySwitchFailed failed => new SecuritySwitchFailedData(failed.ItemId, failed.WantedSecured ? TransactionOperation.Return : TransactionOperation.Checkout, failed.Failure),
        SecurityRecovered recovered => new SecurityRecoveredData(recovered.ItemId, recovered.Operation == SecurityOperation.Return ? TransactionOperation.Return : TransactionOperation.Checkout, recovered.Secured, recovered.NeedsStaff),
        OfflineEntered entered => new OfflineModeEnteredData(entered.Reason),
        OfflineLeft left => new OfflineModeLeftData(left.Duration, left.QueuedTransactions),
        OfflineTransactionReplayed replayed => new OfflineTransactionReplayedData(replayed.TransactionId.ToString(System.Globalization.CultureInfo.InvariantCulture), Operation(replayed.Kind), replayed.ItemId),
        SecurityEntryResolved resolved => new SecurityResolvedData(resolved.EntryId.ToString(System.Globalization.CultureInfo.InvariantCulture), resolved.ItemId, resolved.Operation == SecurityOperation.Return ? TransactionOperation.Return : TransactionOperation.Checkout),
        OfflineConflictResolved resolved => new OfflineConflictResolvedData(resolved.TransactionId.ToString(System.Globalization.CultureInfo.InvariantCulture), Operation(resolved.Kind), resolved.ItemId, resolved.Reason is { } reason ? Code(reason.ToString()) : null),
        OfflineTransactionConflict conflict => new OfflineTransactionConflictData(conflict.TransactionId.ToString(System.Globalization.CultureInfo.InvariantCulture), Operation(conflict.Kind), conflict.ItemId, Code(conflict.Reason.ToString())),

        // Screen-only events (pad items, PIN prompts, idle warnings, refused sign-ins) stay on the kiosk.
        _ => null,
    };

    private SessionStartedData Start(SessionStarted started)
    {
        var tally = new SessionTally { Pseudonym = started.PatronPseudonym };
        _sessions[started.SessionId] = tally;
        return new SessionStartedData(started.SessionId.ToString(), tally.Pseudonym, kiosk.Value.DefaultLanguage);
    }

    private SessionEndedData End(SessionEnded ended)
    {
        _sessions.TryRemove(ended.SessionId, out var tally);
        tally ??= new SessionTally();
        return new SessionEndedData(ended.SessionId.ToString(), tally.Pseudonym, tally.CheckedOut, tally.Returned, tally.Renewed, Code(ended.Reason.ToString()));
    }

    private SessionTally? Count(Guid? session, Action<SessionTally> count)
    {
        if (session is not { } id || !_sessions.TryGetValue(id, out var tally))
        {
            return null;
        }

        count(tally);
        return tally;
    }

    private static TransactionOperation Operation(CirculationOperation operation) => operation switch
    {
        CirculationOperation.Return => TransactionOperation.Return,
        CirculationOperation.Renew => TransactionOperation.Renewal,
        _ => TransactionOperation.Checkout,
    };

    private static TransactionOperation Operation(OfflineTransactionKind kind) =>
        kind == OfflineTransactionKind.Checkin ? TransactionOperation.Return : TransactionOperation.Checkout;

    /// <summary>"PinWrong" → "pin-wrong": the event catalogue's style for reason codes.</summary>
    private static string Code(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));

    private sealed class SessionTally
    {
        public string? Pseudonym { get; init; }

        public int CheckedOut { get; set; }

        public int Returned { get; set; }

        public int Renewed { get; set; }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Event {EventType} was not recorded: {Reason}")]
        public static partial void NotRecorded(ILogger logger, string eventType, string reason);
    }
}
