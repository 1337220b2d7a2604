using Microsoft.Extensions.Options;

namespace Kiosk.Devices.Transports;

/// <summary>Checks the [Required], [Range] and [EnumDataType] attributes of <see cref="SerialTransportOptions"/> (source-generated).</summary>
[OptionsValidator]
internal sealed partial class SerialTransportOptionsValidator : IValidateOptions<SerialTransportOptions>
{
}
