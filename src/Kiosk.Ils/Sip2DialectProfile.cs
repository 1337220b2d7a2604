using Kiosk.Protocols.Sip2;

namespace Kiosk.Ils;

/// <summary>
/// How one ILS family speaks SIP2: terminator, charset, error detection, and the fields it insists on. A profile gives
/// defaults; every value can still be overridden in <see cref="Sip2ClientOptions"/>.
/// </summary>
public sealed record Sip2DialectProfile
{
    /// <summary>The profile's name in configuration: generic, koha, evergreen or folio.</summary>
    public required string Name { get; init; }

    /// <summary>What ends a message the kiosk sends.</summary>
    public Sip2Terminator Terminator { get; init; } = Sip2Terminator.CarriageReturn;

    /// <summary>The charset on the wire (see <see cref="Sip2Charset.KnownNames"/>).</summary>
    public string Charset { get; init; } = "utf-8";

    /// <summary>Whether messages carry AY sequence numbers and AZ checksums.</summary>
    public bool ErrorDetection { get; init; } = true;

    /// <summary>
    /// Identified fields this ILS wants in every request that may carry them, even when empty (for example AC, the
    /// terminal password). Fields the spec marks required are always sent whatever the profile says.
    /// </summary>
    public IReadOnlyList<string> RequiredFields { get; init; } = [];

    /// <summary>Whether the ILS expects the Login message (93) before anything else; then a user id must be configured.</summary>
    public bool LoginRequired { get; init; }

    /// <summary>The institution id (AO) this profile's sites use, when <see cref="Sip2ClientOptions.InstitutionId"/> is empty.</summary>
    public string? InstitutionId { get; init; }

    /// <summary>The location code (CP) this profile's sites use, when <see cref="Sip2ClientOptions.LocationCode"/> is empty.</summary>
    public string? LocationCode { get; init; }
}
