using Kiosk.Events.Model;
using Kiosk.Events.Options;

namespace Kiosk.Events.Mqtt;

/// <summary>
/// The device's topics: <c>{prefix}/{province}/{library}/{device}</c>, then <c>events/{type}</c>, <c>status</c>
/// (retained, online/offline through the last will), <c>commands/{name}</c> and, for MQTT 3.1.1 clients that name no
/// reply topic, <c>replies/{name}</c>.
/// </summary>
internal sealed class TopicMap
{
    public TopicMap(TopicOptions options)
    {
        Base = $"{options.Prefix}/{options.Province}/{options.Library}/{options.Device}";
        Device = options.Device;
    }

    /// <summary>The device's root topic.</summary>
    public string Base { get; }

    /// <summary>The device's name.</summary>
    public string Device { get; }

    /// <summary>The retained availability topic.</summary>
    public string Status => Base + "/status";

    /// <summary>The filter the kiosk subscribes to for commands.</summary>
    public string CommandFilter => Base + "/commands/+";

    /// <summary>The CloudEvents <c>source</c>: the device's root topic as a URI path.</summary>
    public Uri Source => new("/" + Base, UriKind.Relative);

    /// <summary>Where an event of <paramref name="eventType"/> is published.</summary>
    public string Event(string eventType) => $"{Base}/events/{KioskEventTypes.TopicLevel(eventType)}";

    /// <summary>The MQTT 3.1.1 reply topic for a command that named none.</summary>
    public string Reply(string command) => $"{Base}/replies/{command}";

    /// <summary>The command named by a topic under <see cref="CommandFilter"/>, or null for any other topic.</summary>
    public string? CommandOf(string topic)
    {
        var prefix = Base + "/commands/";
        return topic.StartsWith(prefix, StringComparison.Ordinal) && topic.Length > prefix.Length && !topic.AsSpan(prefix.Length).Contains('/')
            ? topic[prefix.Length..]
            : null;
    }
}
