using Microsoft.Extensions.Options;

namespace Kiosk.Circulation.Sessions;

/// <summary>Checks the [Range] and [Required] attributes of <see cref="CirculationOptions"/> (source-generated).</summary>
[OptionsValidator]
internal sealed partial class CirculationOptionsValidator : IValidateOptions<CirculationOptions>
{
}
