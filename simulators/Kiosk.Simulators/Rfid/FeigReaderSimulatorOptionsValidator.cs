using Microsoft.Extensions.Options;

namespace Kiosk.Simulators.Rfid;

/// <summary>Checks the [Range] attributes of <see cref="FeigReaderSimulatorOptions"/> without reflection.</summary>
[OptionsValidator]
internal sealed partial class FeigReaderSimulatorOptionsValidator : IValidateOptions<FeigReaderSimulatorOptions>
{
}
