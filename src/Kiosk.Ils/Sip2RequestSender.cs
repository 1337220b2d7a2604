using Kiosk.Protocols.Sip2;
using Microsoft.Extensions.Logging;

namespace Kiosk.Ils;

/// <summary>
/// Sends a request over a pooled connection and checks the answer's type: once, or, for a request that is safe to repeat,
/// again on a fresh connection after a drop or timeout.
/// </summary>
internal sealed class Sip2RequestSender(Sip2ConnectionPool pool, Sip2ClientOptions options, ILogger logger)
{
    /// <summary>Sends a request that is safe to repeat, retrying on another connection after a drop or timeout.</summary>
    public async Task<T> SendTypedAsync<T>(Sip2Message request, CancellationToken cancellationToken)
        where T : Sip2Message
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await SendOnceAsync<T>(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Sip2Exception ex) when (ex.Kind is Sip2FailureKind.ConnectionLost or Sip2FailureKind.Timeout
                                           && attempt < options.MaxRetries)
            {
                Log.RequestFailed(logger, request.Name, ex.Kind, "retrying on a fresh connection");
            }
        }
    }

    /// <summary>
    /// Sends a request once, only if the ACS Status of the connection it would go on says (BX) the ACS supports it: the
    /// spec's "supported messages" field. A connection opens first when needed, so the answer is never a guess.
    /// </summary>
    public Task<T> SendOnceIfSupportedAsync<T>(Sip2Message request, Sip2SupportedMessages needed, CancellationToken cancellationToken)
        where T : Sip2Message =>
        pool.RunAsync(
            async (connection, ct) =>
            {
                if (connection.AcsStatus is { } acs && !acs.Status.SupportedMessages.HasFlag(needed))
                {
                    throw new Sip2Exception(
                        Sip2FailureKind.NotSupported,
                        $"The ILS's ACS Status says (BX supported messages) that it does not support {request.Name} ({request.Command}), " +
                        "so the kiosk did not send it; this is the ILS's SIP configuration, not a fault.");
                }

                return Expected<T>(request, await connection.ExchangeAsync(request, ct).ConfigureAwait(false));
            },
            cancellationToken);

    /// <summary>Sends a request once. A failure after sending says the request may have been applied.</summary>
    public Task<T> SendOnceAsync<T>(Sip2Message request, CancellationToken cancellationToken)
        where T : Sip2Message =>
        pool.RunAsync(
            async (connection, ct) => Expected<T>(request, await connection.ExchangeAsync(request, ct).ConfigureAwait(false)),
            cancellationToken);

    private static T Expected<T>(Sip2Message request, Sip2Message response)
        where T : Sip2Message =>
        response as T ?? throw new Sip2Exception(
            Sip2FailureKind.Protocol,
            $"The ILS answered {request.Name} with {response.Name}, not the expected {typeof(T).Name}.",
            requestMayHaveBeenApplied: true);
}
