using System.ComponentModel.DataAnnotations;

namespace Kiosk.Events.Privacy;

/// <summary>
/// Whether events may carry a pseudonym for the patron, so the central system can correlate one patron's events
/// without ever learning who they are. Bound from <c>Kiosk:Events:PatronPseudonym</c>. Off by default.
/// </summary>
public sealed class PatronPseudonymOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Kiosk:Events:PatronPseudonym";

    /// <summary>Whether events carry a pseudonym at all.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// The site's secret salt (at least 32 characters), from the environment or a secrets file. Without it the
    /// pseudonym could be reversed by hashing every card number, since card numbers are short and sequential.
    /// </summary>
    [MinLength(32)]
    public string? Salt { get; set; }
}
