using Microsoft.Extensions.Options;

namespace Kiosk.Ils;

/// <summary>Checks the [Range] and [Required] attributes of <see cref="Sip2ClientOptions"/> (source-generated).</summary>
[OptionsValidator]
internal sealed partial class Sip2ClientOptionsValidator : IValidateOptions<Sip2ClientOptions>
{
}
