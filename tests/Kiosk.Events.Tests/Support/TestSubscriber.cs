using System.Buffers;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Kiosk.Events.Tests.Support;

/// <summary>The central system's side in tests: a real MQTTnet client that records every message it receives.</summary>
internal sealed class TestSubscriber : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly List<MqttApplicationMessage> _messages = [];
    private readonly Lock _gate = new();
    private readonly MqttClientOptions _options;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TestSubscriber(MqttClientOptions options)
    {
        _options = options;
        _client.ApplicationMessageReceivedAsync += args =>
        {
            lock (_gate)
            {
                _messages.Add(args.ApplicationMessage);
                _changed.TrySetResult();
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            return Task.CompletedTask;
        };
    }

    public IMqttClient Client => _client;

    /// <summary>Connects with a persistent session (so a broker restart keeps what it queued for us) and subscribes.</summary>
    public static async Task<TestSubscriber> ConnectAsync(int port, string filter, MosquittoBroker? broker = null, string? clientId = null)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(clientId ?? "central-" + Guid.NewGuid().ToString("N")[..8])
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval(3600);
        if (broker is { Secure: true })
        {
            var trust = new X509Certificate2Collection();
            trust.ImportFromPemFile(broker.Certificates!.CaPath);
            builder.WithCredentials(MosquittoBroker.Username, MosquittoBroker.Password)
                .WithTlsOptions(tls => tls.UseTls().WithTargetHost("localhost").WithTrustChain(trust));
        }

        var subscriber = new TestSubscriber(builder.Build());
        await subscriber.ReconnectAsync(filter);
        return subscriber;
    }

    public async Task ReconnectAsync(string filter)
    {
        await _client.ConnectAsync(_options);
        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build());
    }

    public IReadOnlyList<MqttApplicationMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Waits until the received messages satisfy <paramref name="condition"/>; fails with what arrived after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<MqttApplicationMessage>> WaitForAsync(Func<IReadOnlyList<MqttApplicationMessage>, bool> condition, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (condition(_messages))
                {
                    return [.. _messages];
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                var topics = string.Join(", ", Messages.TakeLast(5).Select(message => message.Topic));
                throw new TimeoutException($"After {timeout} the subscriber had {Messages.Count} messages (last: {topics}), not what the test waited for.");
            }
        }
    }

    public static string Text(MqttApplicationMessage message) => System.Text.Encoding.UTF8.GetString(message.Payload.ToArray());

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
