using Microsoft.Extensions.Options;

namespace Kiosk.Devices.Barcode;

/// <summary>Checks what attributes cannot: length bounds in order, and a prefix that is ASCII and free of the suffix.</summary>
internal sealed class BarcodeScannerOptionsConsistencyValidator : IValidateOptions<BarcodeScannerOptions>
{
    public ValidateOptionsResult Validate(string? name, BarcodeScannerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MinimumLength > options.MaximumLength)
        {
            failures.Add($"MinimumLength ({options.MinimumLength}) is greater than MaximumLength ({options.MaximumLength}); lower MinimumLength or raise MaximumLength.");
        }

        var prefix = options.Prefix ?? string.Empty;
        if (prefix.Any(character => character > 0x7F))
        {
            failures.Add("Prefix must be ASCII, as the scanner sends it byte for byte; write control characters as \\u0002 and the like.");
        }

        if (BarcodeFraming.Terminator(options.Suffix) is { } terminator && prefix.Contains((char)terminator, StringComparison.Ordinal))
        {
            failures.Add("Prefix contains the suffix character, so every code would end inside its own prefix; remove it from Prefix.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
