using Microsoft.Extensions.Options;

namespace Kiosk.Devices.Barcode;

/// <summary>Checks the attributes of <see cref="BarcodeScannerOptions"/> (source-generated).</summary>
[OptionsValidator]
internal sealed partial class BarcodeScannerOptionsValidator : IValidateOptions<BarcodeScannerOptions>
{
}
