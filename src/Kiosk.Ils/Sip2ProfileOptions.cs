namespace Kiosk.Ils;

/// <summary>A dialect profile defined in configuration: a built-in base and the settings that differ from it.</summary>
public sealed class Sip2ProfileOptions
{
    /// <summary>The built-in profile this one starts from: generic, koha, evergreen or folio.</summary>
    public string Base { get; set; } = "generic";

    /// <summary>The charset (utf-8, iso-8859-1, ibm850, windows-1258).</summary>
    public string? Charset { get; set; }

    /// <summary>"CR" or "CRLF".</summary>
    public string? Terminator { get; set; }

    /// <summary>Whether AY/AZ are on.</summary>
    public bool? ErrorDetection { get; set; }

    /// <summary>Field identifiers to send in every request that may carry them, even empty (such as AC, AD).</summary>
    public IList<string>? RequiredFields { get; set; }

    /// <summary>Whether the ILS wants Login (93) first.</summary>
    public bool? LoginRequired { get; set; }

    /// <summary>The institution id (AO) of this profile's sites.</summary>
    public string? InstitutionId { get; set; }

    /// <summary>The location code (CP) of this profile's sites.</summary>
    public string? LocationCode { get; set; }
}
