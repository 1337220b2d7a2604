using Microsoft.Extensions.Options;

namespace Kiosk.Simulators.Barcode;

/// <summary>Checks the [Range] attributes of <see cref="BarcodeScannerSimulatorOptions"/> without reflection.</summary>
[OptionsValidator]
internal sealed partial class BarcodeScannerSimulatorOptionsValidator : IValidateOptions<BarcodeScannerSimulatorOptions>
{
}
