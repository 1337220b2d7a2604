using Microsoft.Extensions.Options;

namespace Kiosk.Devices.Printers;

/// <summary>Checks the attributes of <see cref="ReceiptPrinterOptions"/> (source-generated).</summary>
[OptionsValidator]
internal sealed partial class ReceiptPrinterOptionsValidator : IValidateOptions<ReceiptPrinterOptions>
{
}
