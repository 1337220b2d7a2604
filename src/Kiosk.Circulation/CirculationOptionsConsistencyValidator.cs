using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Kiosk.Circulation;

/// <summary>Checks what attributes cannot: the card patterns compile, the UIDs are UIDs, and off-line loans name their card formats.</summary>
internal sealed class CirculationOptionsConsistencyValidator : IValidateOptions<CirculationOptions>
{
    public ValidateOptionsResult Validate(string? name, CirculationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        for (var i = 0; i < options.OfflineCardPatterns.Count; i++)
        {
            try
            {
                _ = new Regex(options.OfflineCardPatterns[i], RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException ex)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"Kiosk:Circulation:OfflineCardPatterns:{i} is not a regular expression ({ex.Message}); write one such as BD\\d{{4}}."));
            }
        }

        if (options.OfflineLoansAllowed && options.OfflineCardPatterns.Count == 0)
        {
            errors.Add("Kiosk:Circulation:OfflineLoansAllowed is true but Kiosk:Circulation:OfflineCardPatterns is empty; list the card number formats to accept off-line (such as BD\\d{4}), or turn off-line loans off.");
        }

        for (var i = 0; i < options.PatronCardUids.Count; i++)
        {
            var uid = options.PatronCardUids[i];
            if (uid.Length != 16 || !uid.All(char.IsAsciiHexDigit))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"Kiosk:Circulation:PatronCardUids:{i} is '{uid}', not a UID; write the card's 16 hex digits as the reader reports them, such as E004010012345678."));
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
