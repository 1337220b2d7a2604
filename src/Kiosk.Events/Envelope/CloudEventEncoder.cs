using System.Globalization;
using System.Net.Mime;
using System.Text.Json;
using System.Text.Json.Serialization;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using Kiosk.Events.Model;

namespace Kiosk.Events.Envelope;

/// <summary>
/// Writes an event as a CloudEvents 1.0 structured-mode JSON document (CloudEvents JSON format §3): <c>id</c> stable
/// across resends so consumers drop duplicates, <c>source</c> naming the device, <c>time</c> when it happened, and the
/// <c>sequence</c> extension (zero-padded so that string order is numeric order) giving the order per device.
/// </summary>
internal sealed class CloudEventEncoder
{
    /// <summary>The JSON the <c>data</c> member is written with: camelCase, enums as camelCase strings, no nulls.</summary>
    public static readonly JsonSerializerOptions DataOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static readonly CloudEventAttribute s_sequence = CloudEventAttribute.CreateExtension("sequence", CloudEventAttributeType.String);
    private static readonly CloudEventAttribute[] s_extensions = [s_sequence];

    private readonly JsonEventFormatter _formatter = new(DataOptions, default);
    private readonly Uri _source;

    public CloudEventEncoder(Uri source)
    {
        _source = source;
    }

    /// <summary>The <c>source</c> of every event from this device.</summary>
    public Uri Source => _source;

    /// <summary>The structured-mode JSON of one event.</summary>
    public byte[] Encode(KioskEventData data, string id, long sequence, DateTimeOffset time)
    {
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0, s_extensions)
        {
            Id = id,
            Source = _source,
            Type = data.EventType,
            Time = time,
            DataContentType = MediaTypeNames.Application.Json,
            Data = JsonSerializer.SerializeToElement(data, data.GetType(), DataOptions),
        };
        cloudEvent[s_sequence] = FormatSequence(sequence);
        return _formatter.EncodeStructuredModeMessage(cloudEvent, out _).ToArray();
    }

    /// <summary>Reads a structured-mode event back, as the central system would.</summary>
    public CloudEvent Decode(ReadOnlyMemory<byte> json) =>
        _formatter.DecodeStructuredModeMessage(json, new ContentType("application/cloudevents+json"), s_extensions);

    /// <summary>The sequence as the extension carries it.</summary>
    public static string FormatSequence(long sequence) => sequence.ToString("D20", CultureInfo.InvariantCulture);

    /// <summary>The sequence of a decoded event.</summary>
    public static long ReadSequence(CloudEvent cloudEvent) =>
        long.Parse((string)cloudEvent[s_sequence]!, CultureInfo.InvariantCulture);
}
