using System.Globalization;
using Kiosk.Protocols.Sip2;
using Microsoft.Extensions.Options;

namespace KioskController.Simulation;

/// <summary>
/// Checks the SIP2 settings the simulated run replaces with the embedded ILS's (see <see cref="SimulatedRunOverrides"/>):
/// a port of 70000 or an unknown charset is wrong wherever it is used, so it stops a simulated run as it would a real
/// one. Read from the configuration, because the options already hold the embedded ILS's values.
/// </summary>
internal sealed class SimulatedRunSettingsValidator(IConfiguration configuration, SimulatorSwitches switches) : IValidateOptions<SimulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!switches.Ils)
        {
            // The kiosk uses Kiosk:Sip2 as it stands, and its own validator checks it.
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        var port = configuration["Kiosk:Sip2:Port"];
        if (!string.IsNullOrEmpty(port) && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535))
        {
            failures.Add($"Kiosk:Sip2:Port: '{port}' is not a port; write the ILS's SIP2 port, 1 to 65535 (Koha's default is 6001). "
                + "Set it in appsettings.json, with --Kiosk:Sip2:Port=…, or in the environment variable Kiosk__Sip2__Port.");
        }

        AddUnknownCharset(failures, "Kiosk:Sip2:Charset", configuration["Kiosk:Sip2:Charset"]);
        AddUnknownCharset(failures, $"{SimulatorOptions.SectionName}:IlsCharset", options.IlsCharset);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AddUnknownCharset(List<string> failures, string key, string? charset)
    {
        if (string.IsNullOrEmpty(charset))
        {
            return;
        }

        try
        {
            Sip2Charset.Get(charset);
        }
        catch (ArgumentException)
        {
            failures.Add($"{key}: '{charset}' is not a SIP2 charset; use one of {string.Join(", ", Sip2Charset.KnownNames)}. "
                + $"Set it in appsettings.json, with --{key}=…, or in the environment variable {key.Replace(":", "__", StringComparison.Ordinal)}.");
        }
    }
}
