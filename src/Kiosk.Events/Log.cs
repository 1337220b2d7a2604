using Kiosk.Events.Outbox;
using Microsoft.Extensions.Logging;

namespace Kiosk.Events;

/// <summary>Every log message of the events pipeline. None carries a password, a secret or patron data.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Event outbox {Path} opened with {Count} events waiting from before the restart")]
    public static partial void OutboxOpened(ILogger logger, string path, int count);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Event outbox at its bound ({Count}/{Capacity}): dropped the oldest status event")]
    public static partial void StatusEventEvicted(ILogger logger, int count, int capacity);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Event outbox full of transactions (capacity {Capacity}): status event {EventType} dropped")]
    public static partial void StatusEventDropped(ILogger logger, string eventType, int capacity);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Error, Message = "Event outbox full of transactions (capacity {Capacity}): {EventType} refused, the action must not complete")]
    public static partial void TransactionRefused(ILogger logger, string eventType, int capacity);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Warning, Message = "Event outbox is now {State} ({Count}/{Capacity})")]
    public static partial void OutboxStateChanged(ILogger logger, OutboxState state, int count, int capacity);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Information, Message = "Connected to MQTT broker {Endpoint} (MQTT {Version}); {Count} events waiting")]
    public static partial void BrokerConnected(ILogger logger, string endpoint, string version, int count);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Warning, Message = "{Reason}; retrying in {Delay}")]
    public static partial void BrokerUnavailable(ILogger logger, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 6012, Level = LogLevel.Warning, Message = "Disconnected from MQTT broker {Endpoint} ({Reason})")]
    public static partial void BrokerDisconnected(ILogger logger, string endpoint, string reason);

    [LoggerMessage(EventId = 6013, Level = LogLevel.Debug, Message = "Disconnect from the MQTT broker failed: {Message}")]
    public static partial void StopDisconnectFailed(ILogger logger, string message);

    [LoggerMessage(EventId = 6020, Level = LogLevel.Warning, Message = "Command {Command} refused ({Code}): {Reason}")]
    public static partial void CommandRefused(ILogger logger, string command, string code, string reason);

    [LoggerMessage(EventId = 6021, Level = LogLevel.Information, Message = "Command {Command} run for role {Role}; succeeded: {Succeeded}")]
    public static partial void CommandExecuted(ILogger logger, string command, string role, bool succeeded);

    [LoggerMessage(EventId = 6022, Level = LogLevel.Error, Message = "Command {Command} failed in its handler")]
    public static partial void CommandFailed(ILogger logger, string command, Exception exception);

    [LoggerMessage(EventId = 6023, Level = LogLevel.Warning, Message = "Command event {EventType} not recorded: {Message}")]
    public static partial void CommandEventNotRecorded(ILogger logger, string eventType, string message);

    [LoggerMessage(EventId = 6024, Level = LogLevel.Warning, Message = "Command on {Topic} dropped: too many commands waiting")]
    public static partial void CommandDropped(ILogger logger, string topic);

    [LoggerMessage(EventId = 6025, Level = LogLevel.Warning, Message = "Reply to the command on {Topic} not sent: {Message}")]
    public static partial void CommandReplyFailed(ILogger logger, string topic, string message);

    [LoggerMessage(EventId = 6030, Level = LogLevel.Information, Message = "Embedded MQTT broker listening on {Addresses} port {Port} (login required: {LoginRequired})")]
    public static partial void EmbeddedBrokerStarted(ILogger logger, string addresses, int port, bool loginRequired);

    [LoggerMessage(EventId = 6031, Level = LogLevel.Warning, Message = "Port {Wanted} is taken (Kiosk:EmbeddedBroker:Port); the embedded broker uses {Port} instead")]
    public static partial void EmbeddedBrokerPortTaken(ILogger logger, int wanted, int port);

    [LoggerMessage(EventId = 6032, Level = LogLevel.Warning, Message = "Embedded MQTT broker refused client {ClientId}: wrong username or password")]
    public static partial void EmbeddedBrokerLoginRefused(ILogger logger, string clientId);
}
