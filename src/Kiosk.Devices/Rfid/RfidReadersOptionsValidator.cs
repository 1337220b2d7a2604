using Microsoft.Extensions.Options;

namespace Kiosk.Devices.Rfid;

/// <summary>Checks the attributes of <see cref="RfidReadersOptions"/> (source-generated).</summary>
[OptionsValidator]
internal sealed partial class RfidReadersOptionsValidator : IValidateOptions<RfidReadersOptions>
{
}
