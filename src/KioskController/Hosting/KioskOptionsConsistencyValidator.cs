using Microsoft.Extensions.Options;

namespace KioskController.Hosting;

/// <summary>
/// Checks what attributes on <see cref="KioskOptions"/> cannot: the addresses can be served on, the time zone exists, and
/// the screen's timeout is sane. Checked here, at start, an address Kestrel could not bind is a line naming Kiosk:Urls,
/// not a crash inside the server.
/// </summary>
internal sealed class KioskOptionsConsistencyValidator : IValidateOptions<KioskOptions>
{
    private static readonly TimeSpan s_shortestScreenTimeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan s_longestScreenTimeout = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, KioskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        foreach (var address in (options.Urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IsServable(address))
            {
                errors.Add($"Kiosk:Urls: '{address}' is not an address the kiosk can serve on; write http://127.0.0.1:5080 (a port from 1 to 65535, "
                    + "or 0 for a free one; several separated by ';'). "
                    + "Set it in appsettings.json, with --Kiosk:Urls=…, or in the environment variable Kiosk__Urls.");
            }
        }

        if (!string.IsNullOrEmpty(options.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            errors.Add($"Kiosk:TimeZone: '{options.TimeZone}' is not a time zone this machine knows; write an IANA id such as Asia/Ho_Chi_Minh. "
                + "Set it in appsettings.json, with --Kiosk:TimeZone=…, or in the environment variable Kiosk__TimeZone.");
        }

        if (options.Ui.ScreenTimeout < s_shortestScreenTimeout || options.Ui.ScreenTimeout > s_longestScreenTimeout)
        {
            errors.Add("Kiosk:Ui:ScreenTimeout: It must be between 00:00:03 and 00:10:00. "
                + "Set it in appsettings.json, with --Kiosk:Ui:ScreenTimeout=…, or in the environment variable Kiosk__Ui__ScreenTimeout.");
        }

        if (options.AllowedHosts.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Contains("*"))
        {
            errors.Add("Kiosk:AllowedHosts: '*' would let any web page reach the kiosk through DNS rebinding; list the kiosk's own "
                + "host names and addresses, separated by ';'. Set it with --Kiosk:AllowedHosts=… or the environment variable Kiosk__AllowedHosts.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>An http or https address with a port in range; Kestrel's wildcard hosts (* and +) stand for every interface.</summary>
    private static bool IsServable(string address)
    {
        if (address.Contains("://unix:", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var host = address.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        return Uri.TryCreate(host, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.Port is >= 0 and <= 65535;
    }
}
