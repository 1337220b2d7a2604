using System.Text.Json.Serialization;

namespace Kiosk.Devices.Gates;

/// <summary>Source-generated JSON for the count file: <c>{"in": 12, "out": 9}</c>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(GatePassageCounts))]
internal sealed partial class GateJsonContext : JsonSerializerContext
{
}
