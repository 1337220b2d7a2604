using Microsoft.Extensions.Options;

namespace Kiosk.Circulation.Gates;

/// <summary>Checks the attributes of <see cref="GateAlarmEnricherOptions"/> (source-generated).</summary>
[OptionsValidator]
internal sealed partial class GateAlarmEnricherOptionsValidator : IValidateOptions<GateAlarmEnricherOptions>
{
}
