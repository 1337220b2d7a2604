using Microsoft.Extensions.Options;

namespace Kiosk.Storage;

/// <summary>Checks the [Required] attribute of <see cref="StorageOptions"/> (source-generated).</summary>
[OptionsValidator]
internal sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
}
