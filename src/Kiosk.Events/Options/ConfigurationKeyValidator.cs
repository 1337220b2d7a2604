using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Kiosk.Events.Options;

/// <summary>
/// Runs a source-generated validator and rewrites the member paths in its messages as configuration keys
/// (<c>KioskEventsOptions.Outbox.Capacity</c> becomes <c>Kiosk:Events:Outbox:Capacity</c>). The generator's own copy of
/// <c>RangeAttribute</c> ignores <c>ErrorMessage</c> (Microsoft.Extensions.Options 10.0.15), so without this a range
/// error would name a C# path instead of the key a technician must fix.
/// </summary>
internal sealed partial class ConfigurationKeyValidator<TOptions>(IValidateOptions<TOptions> inner, string section) : IValidateOptions<TOptions>
    where TOptions : class
{
    private readonly Regex _path = new(Regex.Escape(typeof(TOptions).Name) + @"\.([A-Za-z.]+[A-Za-z])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var result = inner.Validate(name, options);
        if (!result.Failed)
        {
            return result;
        }

        return ValidateOptionsResult.Fail(result.Failures.Select(failure =>
            _path.Replace(failure, match => section + ":" + match.Groups[1].Value.Replace('.', ':'))));
    }
}
