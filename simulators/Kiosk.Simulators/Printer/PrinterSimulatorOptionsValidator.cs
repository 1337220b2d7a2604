using Microsoft.Extensions.Options;

namespace Kiosk.Simulators.Printer;

/// <summary>Checks the attributes of <see cref="PrinterSimulatorOptions"/> (source-generated).</summary>
[OptionsValidator]
internal sealed partial class PrinterSimulatorOptionsValidator : IValidateOptions<PrinterSimulatorOptions>
{
}
