using Microsoft.Extensions.Options;

namespace Kiosk.Circulation.Sip2;

/// <summary>Checks the [Range] and [Required] attributes of <see cref="Sip2ClientOptions"/> (source-generated).</summary>
[OptionsValidator]
internal sealed partial class Sip2ClientOptionsValidator : IValidateOptions<Sip2ClientOptions>
{
}
