using Microsoft.Extensions.Options;

namespace Kiosk.Devices.Gates;

/// <summary>Checks the attributes of <see cref="GateOptions"/> (source-generated).</summary>
[OptionsValidator]
internal sealed partial class GateOptionsValidator : IValidateOptions<GateOptions>
{
}
