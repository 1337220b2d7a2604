using Kiosk.Protocols.Readers;
using Microsoft.Extensions.Logging;

namespace Kiosk.Devices.Rfid;

/// <summary>
/// The write-and-verify loop of a security switch, the same whatever the wire protocol: write, read back, and retry up
/// to the profile's attempts. A write that reported a failure is read back too, because the tag may have taken it; a tag
/// that stops answering ends the attempts at once. Only cancellation throws: every other failure is in the result, which
/// the caller must treat as "still secured" (the safety invariant: security off only while the ILS holds the item on loan).
/// </summary>
internal static class RfidSecuritySwitch
{
    /// <param name="readerName">The reader's profile name, for logs and messages.</param>
    /// <param name="uid">The tag.</param>
    /// <param name="secured">The state wanted.</param>
    /// <param name="attempts">The profile's <see cref="RfidReaderProfile.SecurityAttempts"/>.</param>
    /// <param name="write">Writes the wanted state (AFI or EAS) with the protocol's commands.</param>
    /// <param name="readBack">Reads the state back: true when the tag is secured.</param>
    /// <param name="logger">Where the outcome is logged (UIDs only, never a patron).</param>
    /// <param name="cancellationToken">Cancels the switch.</param>
    public static async Task<RfidSecurityResult> RunAsync(
        string readerName,
        TransponderUid uid,
        bool secured,
        int attempts,
        Func<CancellationToken, Task> write,
        Func<CancellationToken, Task<bool>> readBack,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var wanted = secured ? "secured" : "loaned";
        string? failure = null;
        bool? state = null;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            try
            {
                await write(cancellationToken).ConfigureAwait(false);
            }
            catch (RfidReaderException ex) when (ex.Kind != RfidReaderFailureKind.PortUnavailable)
            {
                failure = ex.Message;
            }
            catch (RfidReaderException ex)
            {
                return NotVerified(readerName, uid, wanted, null, attempt, ex.Message, logger);
            }

            try
            {
                state = await readBack(cancellationToken).ConfigureAwait(false);
            }
            catch (RfidReaderException ex) when (ex.Kind is RfidReaderFailureKind.NoTransponder or RfidReaderFailureKind.PortUnavailable)
            {
                return NotVerified(readerName, uid, wanted, null, attempt, failure is null ? ex.Message : failure + " Then: " + ex.Message, logger);
            }
            catch (RfidReaderException ex)
            {
                state = null;
                failure = ex.Message;
                continue;
            }

            if (state == secured)
            {
                Log.SecurityVerified(logger, readerName, uid, wanted, attempt);
                return new RfidSecurityResult(true, state, attempt, null);
            }

            failure = $"Tag {uid} still reads {(state.Value ? "secured" : "not secured")} after the write" + (failure is null ? "." : ": " + failure);
        }

        return NotVerified(readerName, uid, wanted, state, attempts, failure ?? "the read-back did not match", logger);
    }

    private static RfidSecurityResult NotVerified(string readerName, TransponderUid uid, string wanted, bool? state, int attempts, string failure, ILogger logger)
    {
        Log.SecurityNotVerified(logger, readerName, uid, wanted, attempts, failure);
        return new RfidSecurityResult(false, state, attempts, failure);
    }
}
