using Microsoft.Extensions.Options;

namespace Kiosk.Circulation;

/// <summary>Checks the [Range] and [Required] attributes of <see cref="CirculationOptions"/> (source-generated).</summary>
[OptionsValidator]
internal sealed partial class CirculationOptionsValidator : IValidateOptions<CirculationOptions>
{
}
