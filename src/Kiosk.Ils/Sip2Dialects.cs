using Kiosk.Protocols.Sip2;

namespace Kiosk.Ils;

/// <summary>The built-in dialect profiles. Sites tune them through <see cref="Sip2ClientOptions"/>.</summary>
public static class Sip2Dialects
{
    /// <summary>The spec's framing (CR, error detection on) with UTF-8, which Vietnamese text needs.</summary>
    public static Sip2DialectProfile Generic { get; } = new() { Name = "generic" };

    /// <summary>
    /// Koha's SIP server: the charset is set per SIP login in SIPconfig.xml (use utf8 for Vietnamese), error detection
    /// is a per-login switch, and CR ends messages (Koha also reads LF and CR LF).
    /// </summary>
    public static Sip2DialectProfile Koha { get; } = new()
    {
        Name = "koha",
        LoginRequired = true,
        RequiredFields = [Sip2FieldId.TerminalPassword],
    };

    /// <summary>Evergreen's SIPServer: the encoding is set in oils_sip.xml; configure it to UTF-8 for Vietnamese.</summary>
    public static Sip2DialectProfile Evergreen { get; } = new()
    {
        Name = "evergreen",
        LoginRequired = true,
        RequiredFields = [Sip2FieldId.TerminalPassword],
    };

    /// <summary>
    /// FOLIO edge-sip2: charset and error detection are per tenant; its documented default charset is IBM850, which
    /// cannot carry Vietnamese, so a Vietnamese tenant must set UTF-8 and the kiosk must match.
    /// </summary>
    public static Sip2DialectProfile Folio { get; } = new()
    {
        Name = "folio",
        Charset = "ibm850",
        LoginRequired = true,
        RequiredFields = [Sip2FieldId.TerminalPassword, Sip2FieldId.PatronPassword],
    };

    /// <summary>Every built-in profile.</summary>
    public static IReadOnlyList<Sip2DialectProfile> All { get; } = [Generic, Koha, Evergreen, Folio];

    /// <summary>The profile called <paramref name="name"/> (case-insensitive), or null.</summary>
    public static Sip2DialectProfile? Find(string? name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
