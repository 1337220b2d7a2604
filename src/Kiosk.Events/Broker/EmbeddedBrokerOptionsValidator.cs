using Microsoft.Extensions.Options;

namespace Kiosk.Events.Broker;

/// <summary>The source-generated validator of <see cref="EmbeddedBrokerOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class EmbeddedBrokerOptionsValidator : IValidateOptions<EmbeddedBrokerOptions>;
