using System.Net.Sockets;
using System.Security.Authentication;
using Kiosk.Ils.Channels;
using Kiosk.Protocols.Sip2;
using Kiosk.Protocols.Sip2.Messages;
using Microsoft.Extensions.Logging;

namespace Kiosk.Ils;

/// <summary>
/// One SIP2 connection, the adapter between a channel that moves bytes (<see cref="ISip2Channel"/>, TCP or TLS or a
/// stand-in) and the Kiosk.Protocols codec: framing, sequence numbers, checksums, login and SC status at open, timeouts,
/// and one request at a time, as SIP2 allows. It answers bad checksums with Request ACS Resend (97) and resends on
/// Request SC Resend (96), as the spec's "SC System Error Handling" says. A timeout or a drop closes the connection;
/// the pool decides what to do next.
/// </summary>
internal sealed class Sip2Connection : IAsyncDisposable
{
    /// <summary>
    /// The shortest answer timeout honoured from an ACS's 98: a misconfigured "001" (a tenth of a second) would send
    /// every checkout into reconciliation.
    /// </summary>
    private static readonly TimeSpan MinimumTimeout = TimeSpan.FromSeconds(1);

    private readonly Sip2ResolvedSettings _settings;
    private readonly ISip2ChannelFactory _channels;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Sip2Encoder _encoder;
    private readonly Sip2FrameDecoder _decoder;
    private readonly byte[] _readBuffer = new byte[8192];
    private ISip2Channel? _channel;
    private int _sequence = -1;

    public Sip2Connection(int id, Sip2ResolvedSettings settings, ISip2ChannelFactory channels, ILogger logger, TimeProvider time)
    {
        Id = id;
        _settings = settings;
        _channels = channels;
        _logger = logger;
        _time = time;
        _encoder = new Sip2Encoder(settings.Codec);
        _decoder = new Sip2FrameDecoder(settings.Codec);
    }

    public int Id { get; }

    public bool IsOpen => _channel is not null;

    /// <summary>What the ACS said in the last ACS Status (98) on this connection, and when it arrived.</summary>
    public AcsStatusResponseSnapshot? AcsStatus { get; private set; }

    /// <summary>When this connection last finished an exchange.</summary>
    public DateTimeOffset LastUsed { get; private set; }

    private Sip2ClientOptions Options => _settings.Options;

    private bool ErrorDetection => _settings.Codec.ErrorDetection;

    /// <summary>
    /// The answer timeout: the ACS's own (98, tenths of a second) when it gives one, capped by the option, because a
    /// patron at the screen should never wait longer than the site allows, and never under <see cref="MinimumTimeout"/>.
    /// </summary>
    public TimeSpan RequestTimeout
    {
        get
        {
            var timeout = AcsStatus?.Status.Timeout is { } acs && acs < Options.RequestTimeout ? acs : Options.RequestTimeout;
            return timeout < MinimumTimeout ? MinimumTimeout : timeout;
        }
    }

    /// <summary>Retries: the ACS's own (98) when it gives one, capped by the option.</summary>
    public int Retries => Math.Min(AcsStatus?.Status.Retries ?? Options.MaxRetries, Options.MaxRetries);

    /// <summary>Connects, logs in (93) when a user id is configured, and asks SC Status (99).</summary>
    public async Task OpenAsync(Sip2ScStatusCode status, CancellationToken cancellationToken)
    {
        await CloseAsync().ConfigureAwait(false);
        var channel = _channels.Create(_settings.Endpoint, Id);
        var endpoint = channel.Endpoint;
        try
        {
            using var timeout = new CancellationTokenSource(Options.ConnectTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            await channel.ConnectAsync(linked.Token).ConfigureAwait(false);
            _channel = channel;
        }
        catch (Sip2CertificateRejectedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The network works and the ILS answered: only the certificate setting is wrong, so name it, not the firewall.
            throw new Sip2Exception(Sip2FailureKind.Unreachable, $"Could not connect to the ILS at {endpoint} over TLS: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException or AuthenticationException
                                   && !cancellationToken.IsCancellationRequested)
        {
            var why = ex is OperationCanceledException ? $"no answer within {Options.ConnectTimeout.TotalSeconds:0.#} s" : ex.Message;
            throw new Sip2Exception(
                Sip2FailureKind.Unreachable,
                $"Could not connect to the ILS at {endpoint}{(channel.IsTls ? " over TLS" : string.Empty)}: {why}. " +
                "Check Kiosk:Sip2:Host and Port, that the ILS's SIP server is running, and the firewall.",
                ex);
        }
        finally
        {
            // Whatever stopped the open half-way (a failure, or the caller cancelling) must not leave a socket behind.
            if (_channel is null)
            {
                await channel.DisposeAsync().ConfigureAwait(false);
            }
        }

        _decoder.Reset();
        _sequence = -1;
        try
        {
            if (!string.IsNullOrEmpty(Options.UserId))
            {
                var login = new LoginRequest { UserId = Options.UserId, Password = Options.Password, Location = Options.LocationCode };
                var response = await ExchangeAsync(login, cancellationToken).ConfigureAwait(false);
                if (response is not LoginResponse { Ok: true })
                {
                    throw new Sip2Exception(
                        Sip2FailureKind.LoginRefused,
                        $"The ILS at {endpoint} refused the SIP login for user '{Options.UserId}'. " +
                        "Check Kiosk:Sip2:UserId, Kiosk:Sip2:Password and LocationCode against the ILS's SIP account.");
                }
            }

            await StatusAsync(status, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await CloseAsync().ConfigureAwait(false);
            throw;
        }

        Log.Connected(_logger, Id, endpoint, AcsStatus?.Status.InstitutionId ?? string.Empty, AcsStatus?.Status.OnlineStatus ?? false);
    }

    /// <summary>Sends SC Status (99) and keeps the ACS's answer.</summary>
    public async Task<AcsStatusResponse> StatusAsync(Sip2ScStatusCode status, CancellationToken cancellationToken)
    {
        var request = new ScStatusRequest { StatusCode = status, MaxPrintWidth = Options.MaxPrintWidth };
        var response = await ExchangeAsync(request, cancellationToken).ConfigureAwait(false);
        return (AcsStatusResponse)response;
    }

    /// <summary>
    /// Sends <paramref name="request"/> and returns its answer. A bad checksum is answered with 97 up to the retry count;
    /// an unsolicited ACS Status is taken in and the request sent again, as the spec's "Commands" section says, also
    /// up to the retry count. An answer about another item or patron is discarded, as the spec says of one with the
    /// wrong sequence number. Any failure after the request was written says it may have been applied.
    /// </summary>
    public async Task<Sip2Message> ExchangeAsync(Sip2Message request, CancellationToken cancellationToken)
    {
        var channel = _channel ?? throw new InvalidOperationException("The connection is not open.");
        if (_decoder.Pending > 0 || _decoder.TryRead(out _))
        {
            // Bytes nobody asked for: a late or duplicated answer. Taking them for this request's answer could
            // report a loan of the wrong book, so the connection is dropped and the request goes on a fresh one.
            await CloseAsync().ConfigureAwait(false);
            throw new Sip2Exception(
                Sip2FailureKind.ConnectionLost,
                $"The ILS sent data nobody asked for before {request.Name}; the connection was reopened to stay in step.");
        }

        var expected = Sip2ResponseCommands.For(request.Command);
        var sequence = _sequence = (_sequence + 1) % 10;
        var frame = _encoder.Encode(request, sequence);
        var sentResendRequest = false;
        var attempts = 0;
        var written = false;
        try
        {
            await channel.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
            written = true;
            while (true)
            {
                var result = await ReadFrameAsync(channel, cancellationToken).ConfigureAwait(false);
                var checksumBad = ErrorDetection && result.Checksum != Sip2ChecksumStatus.Valid;
                if (result.Message is null || checksumBad)
                {
                    var why = result.Error?.ToString() ?? (result.Checksum == Sip2ChecksumStatus.Absent ? "no checksum" : "bad checksum");
                    Log.BadFrame(_logger, Id, why);
                    if (++attempts > Retries)
                    {
                        throw new Sip2Exception(
                            Sip2FailureKind.Protocol,
                            $"The ILS's answers to {request.Name} kept failing their checksum or format after {Retries} resend request(s): {why}. " +
                            "Check Kiosk:Sip2:Charset and ErrorDetection against the ILS.",
                            requestMayHaveBeenApplied: true);
                    }

                    sentResendRequest = true;
                    await channel.WriteAsync(_encoder.Encode(new RequestAcsResend()), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var message = result.Message;
                if (message is RequestScResend)
                {
                    // The spec: resend the original unless the last message was itself a 97; then communications have
                    // failed. A 96 after our 97 means the ACS had answered, so the request may have been applied.
                    if (sentResendRequest || ++attempts > Retries)
                    {
                        throw new Sip2Exception(
                            Sip2FailureKind.Protocol,
                            $"The ILS kept asking for {request.Name} to be resent (96). Check Kiosk:Sip2:Charset and ErrorDetection against the ILS.",
                            requestMayHaveBeenApplied: sentResendRequest);
                    }

                    await channel.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (ErrorDetection && result.SequenceNumber is { } echoed && echoed != sequence)
                {
                    // The spec: discard an answer whose sequence number does not match, and wait for the right one.
                    Log.SequenceMismatch(_logger, Id, echoed, sequence);
                    continue;
                }

                if (message is AcsStatusResponse status)
                {
                    AcsStatus = new AcsStatusResponseSnapshot(status, _time.GetUtcNow());
                    if (expected == Sip2Command.AcsStatus)
                    {
                        return Done(message);
                    }

                    // The ACS changed status and answered with 98 instead; the spec says the SC sends its command again.
                    if (!status.OnlineStatus || ++attempts > Retries)
                    {
                        throw new Sip2Exception(
                            Sip2FailureKind.Unreachable,
                            status.OnlineStatus
                                ? $"The ILS answered {request.Name} with ACS Status again and again; it did not carry it out."
                                : $"The ILS says it is off-line (ACS Status on-line = N) and did not carry out {request.Name}.");
                    }

                    sequence = _sequence = (_sequence + 1) % 10;
                    frame = _encoder.Encode(request, sequence);
                    await channel.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (message.Command != expected)
                {
                    throw new Sip2Exception(
                        Sip2FailureKind.Protocol,
                        $"The ILS answered {request.Name} ({request.Command}) with {message.Name} ({message.Command}); expected {expected}.",
                        requestMayHaveBeenApplied: true);
                }

                if (!Sip2Echo.Matches(request, message))
                {
                    Log.ForeignAnswer(_logger, Id, request.Name);
                    continue;
                }

                return Done(message);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            await CloseAsync().ConfigureAwait(false);
            throw new Sip2Exception(
                Sip2FailureKind.ConnectionLost,
                $"The connection to the ILS at {channel.Endpoint} dropped during {request.Name}: {ex.Message}",
                ex,
                requestMayHaveBeenApplied: written);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            await CloseAsync().ConfigureAwait(false);
            throw new Sip2Exception(
                Sip2FailureKind.Timeout,
                $"The ILS at {channel.Endpoint} did not answer {request.Name} within {RequestTimeout.TotalSeconds:0.#} s.",
                ex,
                requestMayHaveBeenApplied: written);
        }
        catch (OperationCanceledException ex)
        {
            // The caller gave up mid-exchange: the answer may still arrive and would be taken for the next request's,
            // so the connection goes; and a request already on the wire may have been carried out.
            await CloseAsync().ConfigureAwait(false);
            if (!written)
            {
                throw;
            }

            throw new Sip2Exception(
                Sip2FailureKind.Cancelled,
                $"{request.Name} was cancelled after it was sent; the ILS may have carried it out.",
                ex,
                requestMayHaveBeenApplied: true);
        }
        catch (Sip2Exception)
        {
            await CloseAsync().ConfigureAwait(false);
            throw;
        }
    }

    private Sip2Message Done(Sip2Message message)
    {
        LastUsed = _time.GetUtcNow();
        return message;
    }

    private async Task<Sip2DecodeResult> ReadFrameAsync(ISip2Channel channel, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        while (true)
        {
            if (_decoder.TryRead(out var result))
            {
                return result;
            }

            var read = await channel.ReadAsync(_readBuffer, linked.Token).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("the ILS closed the connection");
            }

            _decoder.Feed(_readBuffer.AsSpan(0, read));
        }
    }

    /// <summary>
    /// Whether the ILS has closed this idle connection, seen without sending anything (the channel says how it tells).
    /// Call only while no request is in flight.
    /// </summary>
    public bool PeerHasClosed() => _channel?.PeerHasClosed() ?? false;

    public async Task CloseAsync()
    {
        var channel = _channel;
        _channel = null;
        if (channel is not null)
        {
            await channel.DisposeAsync().ConfigureAwait(false);
        }

        _decoder.Reset();
    }

    public ValueTask DisposeAsync() => new(CloseAsync());
}
