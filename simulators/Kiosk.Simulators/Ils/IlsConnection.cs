using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using Kiosk.Protocols.Sip2;
using Kiosk.Protocols.Sip2.Messages;
using Microsoft.Extensions.Logging;

namespace Kiosk.Simulators.Ils;

/// <summary>
/// One SC's connection: reads frames, answers each in order, and keeps what the spec's error handling needs
/// (spec, "ACS System Error Handling"): the last response for 97, and the previous request with its response so a
/// retransmission is answered again instead of being acted on twice. Independent of every other connection.
/// </summary>
internal sealed class IlsConnection(
    int id,
    Socket socket,
    IlsSimulatorOptions options,
    Sip2CodecOptions codec,
    IlsRequestHandler handler,
    IlsFaults faults,
    IlsLoginSessions sessions,
    ILogger logger,
    TimeProvider timeProvider)
{
    private readonly Sip2Encoder _encoder = new(codec);
    private readonly Sip2FrameDecoder _decoder = new(codec);
    private Stream _stream = Stream.Null;
    private bool _loggedIn;
    private byte[]? _lastResponse;
    private byte[]? _previousRequest;
    private byte[]? _responseToPreviousRequest;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Log.ConnectionOpened(logger, id, socket.RemoteEndPoint?.ToString() ?? "?");
        try
        {
            _stream = await OpenStreamAsync(cancellationToken).ConfigureAwait(false);
            var buffer = new byte[4096];
            while (true)
            {
                var read = await _stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }

                _decoder.Feed(buffer.AsSpan(0, read));
                while (_decoder.TryRead(out var frame))
                {
                    if (!await AnswerAsync(frame, cancellationToken).ConfigureAwait(false))
                    {
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The simulator is stopping.
        }
        catch (AuthenticationException ex)
        {
            Log.TlsHandshakeFailed(logger, id, ex);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            Log.ConnectionFailed(logger, id, ex);
        }
#pragma warning disable CA1031 // A bug in a handler must show in the log, not look like a network drop to the client.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.HandlerCrashed(logger, id, ex);
            Interlocked.Increment(ref handler.CrashCount);
        }
        finally
        {
            sessions.Release(id);
            await _stream.DisposeAsync().ConfigureAwait(false);
            socket.Dispose();
            Log.ConnectionClosed(logger, id);
        }
    }

    private async Task<Stream> OpenStreamAsync(CancellationToken cancellationToken)
    {
        var network = new NetworkStream(socket, ownsSocket: true);
        if (options.Certificate is null)
        {
            return network;
        }

        var tls = new SslStream(network, leaveInnerStreamOpen: false);
        try
        {
            await tls.AuthenticateAsServerAsync(
                new SslServerAuthenticationOptions { ServerCertificate = options.Certificate, ClientCertificateRequired = false },
                cancellationToken).ConfigureAwait(false);
            return tls;
        }
        catch
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Answers one frame; false closes the connection.</summary>
    private async Task<bool> AnswerAsync(Sip2DecodeResult frame, CancellationToken cancellationToken)
    {
        // Spec, "ACS System Error Handling": a message with a checksum error is answered with Request SC Resend.
        if (frame.Checksum == Sip2ChecksumStatus.Invalid)
        {
            Log.ChecksumInvalid(logger, id);
            return await SendAsync(RequestScResend(), cancellationToken).ConfigureAwait(false);
        }

        if (frame.Message is not { } request)
        {
            Log.FrameUndecodable(logger, id, frame.Frame.Length, frame.Error?.Position ?? 0);
            return await SendAsync(RequestScResend(), cancellationToken).ConfigureAwait(false);
        }

        var command = request.Command;
        if (request is UnknownMessage || !Sip2Command.IsRequest(command))
        {
            // Spec, "Message identifiers": an ACS ignores a message it does not recognise.
            Log.UnknownCommandIgnored(logger, id, command);
            return true;
        }

        Log.RequestReceived(logger, id, command, request.Name, frame.SequenceNumber);
        await faults.WaitWhileHeldAsync(command, cancellationToken).ConfigureAwait(false);
        var latency = faults.LatencyFor(command);
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, timeProvider, cancellationToken).ConfigureAwait(false);
        }

        if (TakeFault(IlsFault.DropBeforeApplying, command))
        {
            return false;
        }

        byte[] response;
        if (request is RequestAcsResend)
        {
            // Spec: resend the previous response, even a 96; with none sent yet, ask the SC to resend instead.
            Log.ResendRequested(logger, id);
            response = _lastResponse ?? RequestScResend();
        }
        else if (frame.Checksum == Sip2ChecksumStatus.Valid && _previousRequest is not null && frame.Frame.Span.SequenceEqual(_previousRequest))
        {
            // Spec: same sequence number and checksum as the previous message means the SC did not hear the answer.
            Log.Retransmission(logger, id, command);
            response = _responseToPreviousRequest!;
        }
        else
        {
            if (Respond(request) is not { } message)
            {
                if (request is not LoginRequest)
                {
                    Log.UnknownCommandIgnored(logger, id, command);
                }

                return true;
            }

            if (Encode(message, frame.SequenceNumber ?? 0) is not { } encoded)
            {
                return false;
            }

            response = encoded;
            _previousRequest = frame.Checksum == Sip2ChecksumStatus.Valid ? frame.Frame.ToArray() : null;
            _responseToPreviousRequest = response;
        }

        _lastResponse = response;
        if (TakeFault(IlsFault.DropAfterApplying, command))
        {
            return false;
        }

        if (TakeFault(IlsFault.HalfWrite, command))
        {
            await _stream.WriteAsync(response.AsMemory(0, response.Length / 2), cancellationToken).ConfigureAwait(false);
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }

        var wire = codec.ErrorDetection && TakeFault(IlsFault.CorruptChecksum, command) ? WithWrongChecksum(response) : response;
        await _stream.WriteAsync(wire, cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private Sip2Message? Respond(Sip2Message request)
    {
        if (request is LoginRequest login)
        {
            if (faults.OneSessionPerLogin && sessions.OtherHolder(login.UserId, id) is { } holder)
            {
                // No answer at all, and the connection stays open: the SC can only time out.
                _loggedIn = false;
                faults.CountUnansweredLogin();
                Log.SecondLoginUnanswered(logger, id, login.UserId, holder);
                return null;
            }

            _loggedIn = !faults.RefuseLogins
                && string.Equals(login.UserId, options.LoginUserId, StringComparison.Ordinal)
                && string.Equals(login.Password, options.LoginPassword, StringComparison.Ordinal);
            if (_loggedIn)
            {
                sessions.Claim(login.UserId, id);
                Log.LoginAccepted(logger, id, login.UserId);
            }
            else
            {
                Log.LoginRefused(logger, id, login.UserId);
            }

            return new LoginResponse { Ok = _loggedIn };
        }

        if (options.LoginRequired && !_loggedIn)
        {
            Log.NotLoggedIn(logger, id, request.Command);
            return new LoginResponse { Ok = false };
        }

        return handler.Handle(request, id);
    }

    private async Task<bool> SendAsync(byte[] response, CancellationToken cancellationToken)
    {
        _lastResponse = response;
        await _stream.WriteAsync(response, cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private byte[] RequestScResend() => _encoder.Encode(new RequestScResend());

    private byte[]? Encode(Sip2Message message, int sequenceNumber)
    {
        try
        {
            return _encoder.Encode(Sip2TextAdapter.ForCharset(message, codec.Encoding), sequenceNumber);
        }
        catch (Sip2EncodingException ex)
        {
            Log.ResponseNotEncodable(logger, id, message.Command, ex);
            return null;
        }
    }

    private bool TakeFault(IlsFault fault, string command)
    {
        if (!faults.TryTake(fault, command))
        {
            return false;
        }

        Log.FaultInjected(logger, id, fault.ToString(), command);
        return true;
    }

    private byte[] WithWrongChecksum(byte[] response)
    {
        // The four hex digits sit just before the terminator; any other value is wrong.
        var terminator = codec.Terminator == Sip2Terminator.CarriageReturnLineFeed ? 2 : 1;
        var corrupted = (byte[])response.Clone();
        var digits = corrupted.AsSpan(corrupted.Length - terminator - 4, 4);
        var checksum = Sip2Checksum.TryParse(digits, out var carried) ? carried : (ushort)0;
        Sip2Checksum.Format((ushort)(checksum + 1), digits);
        return corrupted;
    }
}
