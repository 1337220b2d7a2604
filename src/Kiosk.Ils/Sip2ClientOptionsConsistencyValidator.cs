using Microsoft.Extensions.Options;

namespace Kiosk.Ils;

/// <summary>Checks what attributes cannot: the profile name, the charset, the terminator and the CA file.</summary>
internal sealed class Sip2ClientOptionsConsistencyValidator : IValidateOptions<Sip2ClientOptions>
{
    public ValidateOptionsResult Validate(string? name, Sip2ClientOptions options)
    {
        try
        {
            _ = Sip2ResolvedSettings.Resolve(options);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
