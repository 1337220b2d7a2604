using System.Text.Json;
using System.Text.Unicode;
using Kiosk.Events.Model;
using Kiosk.Events.Mqtt;
using Kiosk.Events.Outbox;
using Microsoft.Extensions.Logging;

namespace Kiosk.Events.Commands;

/// <summary>
/// Runs one received command: authorise, dispatch to its handler, answer, and record it as an event. It never throws
/// for anything the payload or a handler does; a refusal or error is an answer like any other.
/// </summary>
internal sealed class CommandProcessor
{
    private readonly CommandAuthorizer _authorizer;
    private readonly Dictionary<string, ICommandHandler> _handlers;
    private readonly IEventOutbox _outbox;
    private readonly TopicMap _topics;
    private readonly ILogger _logger;

    public CommandProcessor(CommandAuthorizer authorizer, IEnumerable<ICommandHandler> handlers, IEventOutbox outbox, TopicMap topics, ILogger<CommandProcessor> logger)
    {
        _authorizer = authorizer;
        _outbox = outbox;
        _topics = topics;
        _logger = logger;
        _handlers = new Dictionary<string, ICommandHandler>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            // Registered later wins, so a host can replace a built-in (a richer status).
            _handlers[handler.Name] = handler;
        }
    }

    /// <summary>The commands this kiosk can run.</summary>
    public IReadOnlyCollection<string> Registered => _handlers.Keys;

    public async Task<CommandReply?> ProcessAsync(string topic, ReadOnlyMemory<byte> payload, string? responseTopic, byte[]? correlationData, CancellationToken cancellationToken)
    {
        var command = _topics.CommandOf(topic);
        if (command is null)
        {
            return null;
        }

        var decision = _authorizer.Decide(command, payload);
        if (decision.Request is not { } request)
        {
            Log.CommandRefused(_logger, command, decision.RefusalCode!, decision.Reason!);
            await RecordAsync(new CommandRefusedData(command, decision.ClaimedRole, $"{decision.RefusalCode}: {decision.Reason}"), cancellationToken).ConfigureAwait(false);
            // An unverified request's replyTo is not trusted: the kiosk must not be made to publish where a forger says. Its
            // correlationId is only echoed, on the kiosk's own reply topic, as MQTT 5 echoes correlation data, so a
            // technician on MQTT 3.1.1 can tell their refusal from another's; only a short plain token is echoed.
            var echoed = EchoableCorrelationId(payload);
            return echoed is null
                ? Reply(responseTopic ?? _topics.Reply(command), correlationData, new { command, status = "refused", code = decision.RefusalCode, reason = decision.Reason })
                : Reply(responseTopic ?? _topics.Reply(command), correlationData, new { command, status = "refused", code = decision.RefusalCode, reason = decision.Reason, correlationId = echoed });
        }

        var replyTopic = responseTopic ?? request.ReplyTo ?? _topics.Reply(command);
        if (!_handlers.TryGetValue(command, out var handler))
        {
            const string code = "unknown-command";
            var reason = $"No handler for '{command}' is registered on this kiosk; it offers {string.Join(", ", _handlers.Keys.Order(StringComparer.Ordinal))}.";
            Log.CommandRefused(_logger, command, code, reason);
            await RecordAsync(new CommandRefusedData(command, request.Role, $"{code}: {reason}"), cancellationToken).ConfigureAwait(false);
            return Reply(replyTopic, correlationData, new { command, status = "refused", code, reason, correlationId = request.CorrelationId });
        }

        CommandResult result;
        try
        {
            result = await handler.HandleAsync(new CommandContext(command, request.Role, request.Arguments), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.CommandFailed(_logger, command, exception);
            result = CommandResult.Failed($"{command} failed: {exception.Message}");
        }

        Log.CommandExecuted(_logger, command, request.Role, result.Succeeded);
        await RecordAsync(new CommandExecutedData(command, request.Role, result.Succeeded), cancellationToken).ConfigureAwait(false);
        return Reply(replyTopic, correlationData, new
        {
            command,
            status = result.Succeeded ? "ok" : "error",
            reason = result.Message,
            result = result.Data,
            correlationId = request.CorrelationId,
        });
    }

    private async Task RecordAsync(KioskEventData data, CancellationToken cancellationToken)
    {
        try
        {
            await _outbox.AppendAsync(data, cancellationToken).ConfigureAwait(false);
        }
        catch (OutboxFullException exception)
        {
            // The reply still goes out; the audit event is what a full outbox costs.
            Log.CommandEventNotRecorded(_logger, data.EventType, exception.Message);
        }
    }

    private static CommandReply Reply(string topic, byte[]? correlationData, object body) =>
        new(topic, JsonSerializer.SerializeToUtf8Bytes(body, Envelope.CloudEventEncoder.DataOptions), correlationData);

    /// <summary>The signed part's <c>correlationId</c> (<c>{"request": {…}, "signature": …}</c>) when it is a plain token of at most 64 letters, digits, dashes or underscores.</summary>
    private static string? EchoableCorrelationId(ReadOnlyMemory<byte> payload)
    {
        // Bytes that are not UTF-8 would throw on reading the id; such a payload was refused as malformed and echoes none.
        if (!Utf8.IsValid(payload.Span))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(payload);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("request", out var request)
                && request.ValueKind == JsonValueKind.Object
                && request.TryGetProperty("correlationId", out var id)
                && id.ValueKind == JsonValueKind.String
                && CommandAuthorizer.TryReadString(id, out var text)
                && text is { Length: > 0 and <= 64 }
                && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
                ? text
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
