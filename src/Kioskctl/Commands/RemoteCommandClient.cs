using System.Buffers;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Kiosk.Events.Commands;
using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Kioskctl.Commands;

/// <summary>
/// Sends one signed command to a kiosk through its broker and waits for the answer, as the central system would.
/// <list type="bullet">
/// <item>MQTT 5: the request carries the response topic and correlation data, which the kiosk echoes (MQTT 5 §4.10).</item>
/// <item>MQTT 3.1.1 has neither, so the answer comes on <c>…/replies/{command}</c> with the request's
/// <c>correlationId</c> in its JSON (Kiosk.Events README, "Answers").</item>
/// </list>
/// A kiosk answering a request it could not verify (a wrong secret, say) trusts nothing in it but echoes a plain
/// <c>correlationId</c> token, so its refusal matches like any answer. A kiosk from before that echo refuses without one:
/// on MQTT 5 the correlation data still matches it to this request, and on MQTT 3.1.1 a refusal without a
/// <c>correlationId</c> on this command's reply topic, arriving after the request, is taken as this request's.
/// </summary>
internal sealed class RemoteCommandClient
{
    private readonly RemoteCommandTarget _target;
    private readonly RemoteCommandConnection _connection;

    public RemoteCommandClient(RemoteCommandTarget target, RemoteCommandConnection connection)
    {
        _target = target;
        _connection = connection;
    }

    /// <summary>The retained availability the kiosk last left on its status topic, if the broker had one.</summary>
    public string? KioskStatus { get; private set; }

    /// <summary>Signs and sends the command; the answer, or null when none came within the timeout.</summary>
    /// <exception cref="RemoteCommandFailure">The broker could not be reached or refused the login or the publish.</exception>
    public async Task<RemoteCommandReply?> SendAsync(string secret, string role, JsonElement? arguments, TimeProvider time, CancellationToken cancellationToken)
    {
        var correlationId = Guid.NewGuid().ToString("N");
        var request = new RemoteCommandRequest(
            _target.Command,
            _target.Device,
            role,
            time.GetUtcNow().ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            correlationId,
            arguments);
        var payload = CommandSigner.CreatePayload(secret, request);
        var correlationData = Encoding.UTF8.GetBytes(correlationId);

        using var client = new MqttClientFactory().CreateMqttClient();
        var answer = new TaskCompletionSource<MqttApplicationMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sent = false;
        client.ApplicationMessageReceivedAsync += args =>
        {
            var message = args.ApplicationMessage;
            if (message.Topic == _target.StatusTopic)
            {
                KioskStatus = Encoding.UTF8.GetString(message.Payload.ToArray());
            }
            else if (message.Topic == _target.ReplyTopic && Volatile.Read(ref sent) && IsAnswerTo(message, correlationId, correlationData))
            {
                answer.TrySetResult(message);
            }

            return Task.CompletedTask;
        };

        await ConnectAsync(client, cancellationToken).ConfigureAwait(false);
        try
        {
            var subscribe = new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(filter => filter.WithTopic(_target.ReplyTopic).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
                .WithTopicFilter(filter => filter.WithTopic(_target.StatusTopic).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
                .Build();
            var subscribed = await client.SubscribeAsync(subscribe, cancellationToken).ConfigureAwait(false);
            if (subscribed.Items.FirstOrDefault(item => item.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2) is { } refusedFilter)
            {
                throw new RemoteCommandFailure(
                    $"MQTT broker {_target.Broker} refused the subscription to {refusedFilter.TopicFilter.Topic} ({refusedFilter.ResultCode}); " +
                    "the login kioskctl uses must be allowed to read the kiosk's replies and status (the broker's ACL).");
            }

            var message = new MqttApplicationMessageBuilder()
                .WithTopic(_target.CommandTopic)
                .WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
            if (!_connection.Version311)
            {
                message.WithResponseTopic(_target.ReplyTopic).WithCorrelationData(correlationData)
                    .WithContentType("application/json").WithPayloadFormatIndicator(MqttPayloadFormatIndicator.CharacterData);
            }

            var start = time.GetTimestamp();
            Volatile.Write(ref sent, true);
            var published = await client.PublishAsync(message.Build(), cancellationToken).ConfigureAwait(false);
            if (published.ReasonCode is not (MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers))
            {
                throw new RemoteCommandFailure(
                    $"MQTT broker {_target.Broker} refused the request on {_target.CommandTopic} ({published.ReasonCode}); " +
                    "the login kioskctl uses must be allowed to publish to the kiosk's …/commands/# (the broker's ACL).");
            }

            try
            {
                var reply = await answer.Task.WaitAsync(_connection.Timeout, cancellationToken).ConfigureAwait(false);
                return RemoteCommandReply.TryParse(reply.Payload.ToArray(), time.GetElapsedTime(start))
                    ?? throw new RemoteCommandFailure($"The answer on {_target.ReplyTopic} is not the kiosk's JSON; is something else publishing there?");
            }
            catch (TimeoutException)
            {
                return null;
            }
        }
        finally
        {
            if (client.IsConnected)
            {
                try
                {
                    await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), CancellationToken.None).ConfigureAwait(false);
                }
                catch (MqttCommunicationException)
                {
                    // Leaving anyway.
                }
            }
        }
    }

    private static bool IsAnswerTo(MqttApplicationMessage message, string correlationId, byte[] correlationData)
    {
        if (message.CorrelationData is { Length: > 0 } echoed)
        {
            return echoed.AsSpan().SequenceEqual(correlationData);
        }

        var payload = message.Payload.ToArray();
        return RemoteCommandReply.CorrelationIdOf(payload) is { } id
            ? id == correlationId
            : RemoteCommandReply.TryParse(payload, TimeSpan.Zero)?.Status == "refused";
    }

    private async Task ConnectAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(_target.Host, _target.Port)
            .WithClientId("kioskctl-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)))
            .WithProtocolVersion(_connection.Version311 ? MqttProtocolVersion.V311 : MqttProtocolVersion.V500)
            .WithCleanSession(true)
            .WithTimeout(_connection.Timeout);
        if (_connection.Username is not null)
        {
            options.WithCredentials(_connection.Username, _connection.Password);
        }

        if (_connection.UseTls)
        {
            var trust = new X509Certificate2Collection();
            if (_connection.TlsCaPath is not null)
            {
                try
                {
                    trust.ImportFromPemFile(_connection.TlsCaPath);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException)
                {
                    throw new RemoteCommandFailure($"--tls-ca {_connection.TlsCaPath} is not a readable PEM certificate ({exception.Message}).", exception);
                }
            }

            options.WithTlsOptions(tls =>
            {
                tls.UseTls(true).WithTargetHost(_connection.TlsServerName ?? _target.Host);
                if (trust.Count > 0)
                {
                    tls.WithTrustChain(trust);
                }
            });
        }

        try
        {
            var connected = await client.ConnectAsync(options.Build(), cancellationToken).ConfigureAwait(false);
            if (connected.ResultCode != MqttClientConnectResultCode.Success)
            {
                throw new RemoteCommandFailure(Refused(connected.ResultCode.ToString()));
            }
        }
        catch (Exception exception) when (exception is MqttCommunicationException or SocketException or AuthenticationException or TimeoutException or IOException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new RemoteCommandFailure(Describe(exception), exception);
        }
    }

    private string Refused(string reason)
    {
        var hint = reason.Contains(nameof(MqttClientConnectResultCode.BadUserNameOrPassword), StringComparison.Ordinal)
            || reason.Contains(nameof(MqttClientConnectResultCode.NotAuthorized), StringComparison.Ordinal)
            ? "check --username and the password (--password-file or KIOSK_MQTT_PASSWORD)"
            : reason.Contains(nameof(MqttClientConnectResultCode.UnsupportedProtocolVersion), StringComparison.Ordinal)
                ? "try --mqtt 3.1.1"
                : "see the broker's log";
        return $"MQTT broker {_target.Broker} refused the connection ({reason}); {hint}.";
    }

    private string Describe(Exception exception)
    {
        var chain = new List<Exception>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            chain.Add(current);
        }

        if (chain.OfType<MqttConnectingFailedException>().FirstOrDefault() is { } refused
            && Enum.GetNames<MqttClientConnectResultCode>().Any(name => name != nameof(MqttClientConnectResultCode.Success) && refused.Message.Contains(name, StringComparison.Ordinal)))
        {
            return Refused(refused.Message);
        }

        if (chain.OfType<AuthenticationException>().FirstOrDefault() is { } tls)
        {
            return $"TLS handshake with {_target.Broker} failed ({tls.Message}); check --tls-ca and --tls-server-name.";
        }

        if (chain.OfType<SocketException>().FirstOrDefault(item => item.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound
            or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.TimedOut or SocketError.TryAgain or SocketError.NoData) is { } socket)
        {
            return $"MQTT broker {_target.Broker} could not be reached ({socket.Message}); check --broker and that the broker runs.";
        }

        return _connection.UseTls
            ? $"MQTT broker {_target.Broker} ended the TLS session during CONNECT ({exception.Message}); check --tls-ca, --tls-server-name and the login."
            : $"MQTT broker {_target.Broker} closed the connection or did not answer CONNECT ({exception.Message}); if that port expects TLS, add --tls (and --tls-ca).";
    }
}
