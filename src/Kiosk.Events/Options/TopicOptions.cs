using System.ComponentModel.DataAnnotations;

namespace Kiosk.Events.Options;

/// <summary>
/// The topic tree, <c>Kiosk:Events:Topics</c>: <c>{Prefix}/{Province}/{Library}/{Device}/…</c>. Each level is lower-case
/// letters, digits and dashes, so that it can hold no MQTT wildcard (+, #) or separator (MQTT 5 §4.7).
/// </summary>
public sealed class TopicOptions
{
    private const string Level = "^[a-z0-9][a-z0-9-]{0,63}$";

    /// <summary>The fleet's root level.</summary>
    [RegularExpression(Level, ErrorMessage = "Kiosk:Events:Topics:Prefix must be lower-case letters, digits and dashes, e.g. library.")]
    public string Prefix { get; set; } = "library";

    /// <summary>The province (e.g. <c>hn</c> for Hà Nội).</summary>
    [RegularExpression(Level, ErrorMessage = "Kiosk:Events:Topics:Province must be lower-case letters, digits and dashes, e.g. hn.")]
    public string Province { get; set; } = "hn";

    /// <summary>The library.</summary>
    [RegularExpression(Level, ErrorMessage = "Kiosk:Events:Topics:Library must be lower-case letters, digits and dashes, e.g. tvhn.")]
    public string Library { get; set; } = "tvhn";

    /// <summary>This device.</summary>
    [RegularExpression(Level, ErrorMessage = "Kiosk:Events:Topics:Device must be lower-case letters, digits and dashes, e.g. kiosk-01.")]
    public string Device { get; set; } = "kiosk-01";
}
