using Kiosk.Circulation.Sessions;
using Kiosk.Circulation.Transactions;
using Kiosk.Devices.Rfid;
using Kiosk.Protocols.Readers;
using Microsoft.Extensions.Logging;

namespace Kiosk.Circulation.Pad;

/// <summary>
/// Feeds the pad's reader events to the pad model, in order, and carries out what they ask of the rest of the kiosk: a
/// patron card signs in, a book lifted before its switch and laid back finishes its loan, an unreadable tag is read again.
/// </summary>
internal sealed partial class PadFeed(PadModel pad, PatronSessions sessions, PutBackLoans putBack, TimeProvider timeProvider, ILogger<PadFeed> logger)
{
    /// <summary>Takes one reader event; the host forwards them in the order the reader raised them.</summary>
    public async Task HandleAsync(RfidReaderEvent readerEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readerEvent);
        var arrival = await pad.ApplyAsync(readerEvent, cancellationToken).ConfigureAwait(false);
        if (readerEvent is RfidTagArrived arrived && arrived.ReaderName == pad.Reader.Name)
        {
            // A book laid down is the patron at work: the idle countdown starts again.
            sessions.KeepAlive();
            await FollowAsync(arrived.Uid, arrival, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task FollowAsync(TransponderUid uid, PadArrival arrival, CancellationToken cancellationToken)
    {
        if (arrival.PatronCard is { } card)
        {
            await sessions.SignInAsync(card, SignInMethod.RfidCard, cancellationToken).ConfigureAwait(false);
        }

        if (arrival.ReturnedItemId is { } itemId)
        {
            await putBack.CompleteAsync(itemId, cancellationToken).ConfigureAwait(false);
        }

        if (arrival.RetryAfter is { } delay)
        {
            _ = RetryAsync(uid, delay, cancellationToken);
        }

        if (arrival.ReadFailure is { } failure)
        {
            // Lifted again before it could be read, or a weak tag: tried again while it stays (the pad reports a lift),
            // and in the end the patron can scan its barcode instead.
            LogTagUnreadable(logger, uid.ToString(), failure);
        }
    }

    private async Task RetryAsync(TransponderUid uid, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
            var arrival = await pad.RetryReadAsync(uid, cancellationToken).ConfigureAwait(false);
            await FollowAsync(uid, arrival, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The kiosk is stopping.
        }
#pragma warning disable CA1031 // A retry runs unobserved; what fails in it is logged, never thrown into the void.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogRetryFailed(logger, uid.ToString(), ex.Message);
        }
    }

    [LoggerMessage(2, LogLevel.Warning, "Tag {Uid} on the pad could not be read as a library item: {Reason}")]
    private static partial void LogTagUnreadable(ILogger logger, string uid, string reason);

    [LoggerMessage(1, LogLevel.Warning, "Tag {Uid} on the pad could not be read again: {Reason}")]
    private static partial void LogRetryFailed(ILogger logger, string uid, string reason);
}
