using System.ComponentModel.DataAnnotations;

namespace Kiosk.Circulation.Gates;

/// <summary>How gate alarms are given their titles. Bound from <c>Kiosk:Gate:Enrichment</c>.</summary>
public sealed class GateAlarmEnricherOptions
{
    /// <summary>The configuration section <c>services.AddGateAlarmEnrichment()</c> binds.</summary>
    public const string SectionName = "Kiosk:Gate:Enrichment";

    /// <summary>
    /// How long one Item Information lookup may take before the alarm is reported without a title. Staff are at the
    /// gate within seconds; a title that comes later than that helps nobody.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan LookupTimeout { get; set; } = TimeSpan.FromSeconds(3);
}
