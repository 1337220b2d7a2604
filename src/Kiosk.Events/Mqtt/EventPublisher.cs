using System.Buffers;
using System.Text;
using System.Threading.Channels;
using Kiosk.Events.Broker;
using Kiosk.Events.Commands;
using Kiosk.Events.Model;
using Kiosk.Events.Options;
using Kiosk.Events.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;

namespace Kiosk.Events.Mqtt;

/// <summary>
/// Moves events from the outbox to the broker. One supervisor loop owns the connection: it connects with backoff,
/// drains the outbox in order with several QoS 1 publishes in flight, deletes what the broker acknowledged, and
/// reconnects when the link drops. The client's disconnect handler only wakes the loop; it never reconnects itself.
/// </summary>
internal sealed class EventPublisher : IHostedService, IAsyncDisposable
{
    private const string CloudEventsContentType = "application/cloudevents+json";

    private readonly KioskEventsOptions _options;
    private readonly SqliteEventOutbox _outbox;
    private readonly CommandProcessor _commands;
    private readonly KioskEventsStatus _status;
    private readonly TopicMap _topics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly EmbeddedBroker? _embeddedBroker;
    private readonly IMqttClient _client;
    private readonly Channel<MqttApplicationMessage> _received = Channel.CreateBounded<MqttApplicationMessage>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stopping = new();
    private readonly bool _version311;
    private CancellationTokenSource _linkLost = new();
    private MqttClientOptions? _clientOptions;
    private MqttCredentials? _credentials;
    private Task _supervisor = Task.CompletedTask;
    private Task _commandLoop = Task.CompletedTask;

    public EventPublisher(
        IOptions<KioskEventsOptions> options,
        SqliteEventOutbox outbox,
        CommandProcessor commands,
        KioskEventsStatus status,
        TopicMap topics,
        TimeProvider time,
        ILogger<EventPublisher> logger,
        EmbeddedBroker? embeddedBroker = null)
    {
        _options = options.Value;
        _outbox = outbox;
        _commands = commands;
        _status = status;
        _topics = topics;
        _time = time;
        _logger = logger;
        _embeddedBroker = embeddedBroker;
        _version311 = MqttClientOptionsFactory.IsVersion311(_options.Mqtt);
        _client = new MqttClientFactory().CreateMqttClient();
        _client.DisconnectedAsync += OnDisconnectedAsync;
        _client.ApplicationMessageReceivedAsync += OnMessageReceivedAsync;
    }

    /// <summary>Starts the supervisor; it does not wait for the broker, so a kiosk starts (and records events) while it is down.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Read now so that a missing password file stops the kiosk at start, naming the key.
        _credentials = MqttCredentials.From(_options.Mqtt);
        if (_embeddedBroker is null)
        {
            SetEndpoint(_options.Mqtt.Host, _options.Mqtt.Port);
        }

        _supervisor = Task.Run(() => SuperviseAsync(_stopping.Token), CancellationToken.None);
        _commandLoop = Task.Run(() => RunCommandsAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _received.Writer.TryComplete();
        await Task.WhenAll(_supervisor, _commandLoop).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (_client.IsConnected)
        {
            try
            {
                // A normal DISCONNECT discards the will (MQTT 5 §3.14.4), so the kiosk says "offline" itself.
                await PublishStatusAsync(MqttClientOptionsFactory.Offline, cancellationToken).ConfigureAwait(false);
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.StopDisconnectFailed(_logger, exception.Message);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        _client.Dispose();
        _linkLost.Dispose();
        _stopping.Dispose();
    }

    private void SetEndpoint(string host, int port)
    {
        _status.Endpoint = $"{host}:{port}";
        _clientOptions = MqttClientOptionsFactory.Create(_options.Mqtt, _credentials!, _topics, host, port);
    }

    private async Task SuperviseAsync(CancellationToken stopping)
    {
        if (_embeddedBroker is { } broker)
        {
            // The embedded broker's port is known only once it listens (it may fall back to a free one).
            try
            {
                var port = await broker.Started.WaitAsync(stopping).ConfigureAwait(false);
                if (broker.Login is { } login)
                {
                    _credentials = new MqttCredentials(login.Username, login.Password);
                }

                // Over IPv4 loopback, unless the broker was bound to one IPv6 address only.
                SetEndpoint(broker.ClientHost, port);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var backoff = new ReconnectBackoff(_options.Mqtt.ReconnectMinDelay, _options.Mqtt.ReconnectMaxDelay, _options.Mqtt.ReconnectResetAfter);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (!_client.IsConnected)
                {
                    await ConnectAsync(stopping).ConfigureAwait(false);
                    backoff.Connected(_time.GetUtcNow());
                }

                using var drain = CancellationTokenSource.CreateLinkedTokenSource(stopping, _linkLost.Token);
                await DrainAsync(drain.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                // Stopping: whatever the client threw while being cancelled is not a broker failure.
                return;
            }
            catch (Exception exception)
            {
                var reason = _status.State == BrokerLinkState.Connected || _client.IsConnected
                    ? $"Link to MQTT broker {_status.Endpoint} lost: {exception.Message}"
                    : ConnectFailure.Describe(exception, _status.Endpoint, _options.Mqtt.UseTls);
                var wasConnected = _status.State == BrokerLinkState.Connected;
                backoff.Lost(_time.GetUtcNow());
                var delay = backoff.NextDelay();
                _status.SetDisconnected(reason, delay);
                Log.BrokerUnavailable(_logger, reason, delay);
                if (wasConnected)
                {
                    await RecordLinkAsync(DeviceStatus.Offline, reason, stopping).ConfigureAwait(false);
                }

                await ResetClientAsync().ConfigureAwait(false);
                try
                {
                    await Task.Delay(delay, _time, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task ConnectAsync(CancellationToken stopping)
    {
        var linkLost = new CancellationTokenSource();
        Interlocked.Exchange(ref _linkLost, linkLost).Dispose();
        var connected = await _client.ConnectAsync(_clientOptions!, stopping).ConfigureAwait(false);
        if (connected.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new BrokerRefusedConnectionException($"CONNACK {connected.ResultCode} {connected.ReasonString}");
        }

        await PublishStatusAsync(MqttClientOptionsFactory.Online, stopping).ConfigureAwait(false);
        if (_options.Commands.Enabled)
        {
            var subscribe = new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(filter => filter.WithTopic(_topics.CommandFilter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
                .Build();
            await _client.SubscribeAsync(subscribe, stopping).ConfigureAwait(false);
        }

        // Recorded before the state says connected, so whoever sees "connected" also finds the event in the outbox.
        await RecordLinkAsync(DeviceStatus.Online, null, stopping).ConfigureAwait(false);
        _status.SetConnected();
        Log.BrokerConnected(_logger, _status.Endpoint, _options.Mqtt.ProtocolVersion, _outbox.Status.Count);
    }

    /// <summary>
    /// Publishes everything in the outbox, oldest first, keeping up to MaxInFlight QoS 1 messages awaiting PUBACK. The
    /// publishes are started in sequence order from this one loop, and MQTTnet 5 writes them in call order (PublishAsync
    /// runs synchronously up to the channel adapter's send lock, a FIFO AsyncLock), so they reach the broker in order,
    /// and a broker forwards them in that order (MQTT 5 §4.6, "Message ordering"). PUBACKs are awaited oldest first, so what is
    /// acknowledged is always a prefix; it is deleted as one range per batch, and reading runs ahead of the deletes so
    /// that the pipeline never empties between batches.
    /// </summary>
    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        var maxInFlight = _options.Outbox.MaxInFlight;
        var batchSize = _options.Outbox.BatchSize;
        var pending = new Queue<(long Sequence, Task<MqttClientPublishResult> Publish)>(maxInFlight);
        var acknowledged = new AcknowledgedRange();
        var lastSent = 0L;
        try
        {
            while (true)
            {
                var batch = _outbox.Read(lastSent, batchSize);
                if (batch.Count == 0)
                {
                    if (pending.Count > 0)
                    {
                        while (pending.Count > 0)
                        {
                            await CompleteAsync(pending.Dequeue(), acknowledged).ConfigureAwait(false);
                        }
                    }
                    else
                    {
                        await FlushAsync(acknowledged).ConfigureAwait(false);
                        await _outbox.WaitForEventsAsync(cancellationToken).ConfigureAwait(false);
                    }

                    continue;
                }

                foreach (var record in batch)
                {
                    if (pending.Count >= maxInFlight)
                    {
                        await CompleteAsync(pending.Dequeue(), acknowledged).ConfigureAwait(false);
                    }

                    pending.Enqueue((record.Sequence, _client.PublishAsync(EventMessage(record), cancellationToken)));
                    _status.AddInFlight();
                    lastSent = record.Sequence;
                }

                if (acknowledged.Count >= batchSize)
                {
                    await FlushAsync(acknowledged).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            // What the broker acknowledged is deleted even when the link dropped half-way, so it is not sent twice.
            ObserveRemaining(pending);
            _status.ClearInFlight();
            await FlushAsync(acknowledged).ConfigureAwait(false);
        }
    }

    private async Task FlushAsync(AcknowledgedRange acknowledged)
    {
        if (acknowledged.Count == 0)
        {
            return;
        }

        await _outbox.DeleteRangeAsync(acknowledged.First, acknowledged.Last, CancellationToken.None).ConfigureAwait(false);
        acknowledged.Clear();
    }

    private async Task CompleteAsync((long Sequence, Task<MqttClientPublishResult> Publish) inFlight, AcknowledgedRange acknowledged)
    {
        var result = await inFlight.Publish.ConfigureAwait(false);
        _status.RemoveInFlight();
        // "No matching subscribers" is a success (MQTT 5 §3.4.2.1): the broker took the message.
        if (result.ReasonCode is not (MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers))
        {
            throw new PublishRefusedException(
                $"The broker refused event {inFlight.Sequence} ({result.ReasonCode} {result.ReasonString}); check the kiosk's publish rights on its topic tree.");
        }

        // Counted as published when the broker acknowledges it, before it leaves the outbox: whoever reads the status
        // never sees an event that is neither waiting nor published.
        acknowledged.Add(inFlight.Sequence);
        _status.AddPublished(1);
    }

    private static void ObserveRemaining(Queue<(long Sequence, Task<MqttClientPublishResult> Publish)> pending)
    {
        // Publishes still in flight when the batch failed are abandoned: their events stay in the outbox for the next connection.
        while (pending.Count > 0)
        {
            _ = pending.Dequeue().Publish.ContinueWith(static task => _ = task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    private MqttApplicationMessage EventMessage(OutboxRecord record)
    {
        var builder = new MqttApplicationMessageBuilder()
            .WithTopic(_topics.Event(record.EventType))
            .WithPayload(record.Payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (!_version311)
        {
            // MQTT 5 §3.3.2.3.9 content type and §3.3.2.3.2 payload format: UTF-8 JSON, so brokers and tools can show it.
            builder.WithContentType(CloudEventsContentType).WithPayloadFormatIndicator(MqttPayloadFormatIndicator.CharacterData);
        }

        return builder.Build();
    }

    private async Task PublishStatusAsync(string state, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(_topics.Status)
            .WithPayload(Encoding.UTF8.GetBytes(state))
            .WithRetainFlag(true)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        await _client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private async Task RecordLinkAsync(DeviceStatus state, string? detail, CancellationToken cancellationToken)
    {
        try
        {
            await _outbox.AppendAsync(new DeviceStatusChangedData(DeviceKind.Broker, _status.Endpoint, state, detail), cancellationToken).ConfigureAwait(false);
        }
        catch (OutboxFullException)
        {
            // Status events give way when full; nothing more to do.
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task ResetClientAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync().ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.StopDisconnectFailed(_logger, exception.Message);
        }
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs args)
    {
        // Only wake the supervisor; reconnecting from here would race it (and re-enter the client from its own callback).
        if (_status.State == BrokerLinkState.Connected)
        {
            Log.BrokerDisconnected(_logger, _status.Endpoint, args.Reason.ToString());
        }

        try
        {
            _linkLost.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // A newer connection already replaced it.
        }

        return Task.CompletedTask;
    }

    private Task OnMessageReceivedAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        // Commands run on their own loop: a handler may take seconds (a printer test page) and must not hold up the
        // client's receive loop, which also carries the PUBACKs of the events being drained.
        if (!_received.Writer.TryWrite(args.ApplicationMessage))
        {
            Log.CommandDropped(_logger, args.ApplicationMessage.Topic);
        }

        return Task.CompletedTask;
    }

    private async Task RunCommandsAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var message in _received.Reader.ReadAllAsync(stopping).ConfigureAwait(false))
            {
                try
                {
                    var reply = await _commands.ProcessAsync(message.Topic, message.Payload.ToArray(), message.ResponseTopic, message.CorrelationData, stopping).ConfigureAwait(false);
                    if (reply is not null && _client.IsConnected)
                    {
                        var builder = new MqttApplicationMessageBuilder()
                            .WithTopic(reply.Topic)
                            .WithPayload(reply.Payload)
                            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
                        if (!_version311 && reply.CorrelationData is not null)
                        {
                            builder.WithCorrelationData(reply.CorrelationData);
                        }

                        await _client.PublishAsync(builder.Build(), stopping).ConfigureAwait(false);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    Log.CommandReplyFailed(_logger, message.Topic, exception.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}
