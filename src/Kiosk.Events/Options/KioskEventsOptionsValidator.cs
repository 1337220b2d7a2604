using Microsoft.Extensions.Options;

namespace Kiosk.Events.Options;

/// <summary>The source-generated validator of <see cref="KioskEventsOptions"/> and its nested sections.</summary>
[OptionsValidator]
internal sealed partial class KioskEventsOptionsValidator : IValidateOptions<KioskEventsOptions>;
