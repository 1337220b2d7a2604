using Microsoft.Extensions.Logging;

namespace Kiosk.Devices.Rfid;

/// <summary>
/// One request and its reply, the same whatever the reader protocol: a reply the reader never sent (it ignores a frame
/// whose CRC the line garbled) gets one more try, after which a late answer to the first try is drained so it cannot
/// pass for the answer to the next command; a spoiled radio exchange is retried a bounded number of times. Other
/// errors are the caller's.
/// </summary>
internal static class RfidReplyRetry
{
    /// <summary>Tries for a request whose reply never came: the first, and one more.</summary>
    public const int TimeoutAttempts = 2;

    /// <summary>
    /// Tries for a spoiled radio exchange (FEIG 0x83/0x02, Annex C p.156–157; 3M 0x15/0x0F, Appendix A): three ride out
    /// a noisy moment and still fail a tag that is gone within a few tens of milliseconds.
    /// </summary>
    public const int RadioAttempts = 3;

    /// <param name="reader">The reader's name, port and advice, for logs and messages.</param>
    /// <param name="operation">The operation in words, such as "FEIG inventory".</param>
    /// <param name="timeout">How long to wait for each reply.</param>
    /// <param name="transmit">Sends the request and returns the reply, or null when none came within the timeout.</param>
    /// <param name="isRadioError">Whether a reply says the radio exchange was spoiled.</param>
    /// <param name="meaning">A reply's status in words, for the log.</param>
    /// <param name="drain">Reads and discards the line for a while.</param>
    /// <param name="onTimeout">What the driver forgets when a reader goes silent (it may have reset).</param>
    /// <param name="logger">Where retries are logged.</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    public static async Task<TResponse> RunAsync<TResponse>(
        RfidReaderIdentity reader,
        string operation,
        TimeSpan timeout,
        Func<CancellationToken, Task<TResponse?>> transmit,
        Func<TResponse, bool> isRadioError,
        Func<TResponse, string> meaning,
        Func<TimeSpan, CancellationToken, Task> drain,
        Action? onTimeout,
        ILogger logger,
        CancellationToken cancellationToken)
        where TResponse : class
    {
        var radioAttempt = 1;
        var timeoutAttempt = 1;
        var drainPending = false;
        while (true)
        {
            var response = await transmit(cancellationToken).ConfigureAwait(false);
            if (response is null)
            {
                Log.ReplyTimedOut(logger, reader.Name, reader.PortName, operation, timeout, timeoutAttempt, TimeoutAttempts);
                onTimeout?.Invoke();
                if (timeoutAttempt++ < TimeoutAttempts)
                {
                    drainPending = true;
                    continue;
                }

                throw new RfidReaderException(
                    RfidReaderFailureKind.Timeout,
                    $"{reader.Subject} did not answer {operation} within {RfidReaderIdentity.Milliseconds(timeout)} ({TimeoutAttempts} tries); {reader.LineAdvice}.");
            }

            if (drainPending)
            {
                drainPending = false;

                // The request went out twice; a late answer to the first try may still be on its way.
                await drain(timeout, cancellationToken).ConfigureAwait(false);
            }

            if (isRadioError(response) && radioAttempt < RadioAttempts)
            {
                Log.RadioRetry(logger, reader.Name, operation, meaning(response), radioAttempt, RadioAttempts);
                radioAttempt++;
                continue;
            }

            return response;
        }
    }
}
