using System.Device.Gpio;
using Kiosk.Devices.Gates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers an exit gate: options checked at start, the <see cref="GateEventHub"/> its events go through, and a hosted
/// service that opens the pins and polls the gate reader.
/// </summary>
/// <remarks>
/// A <see cref="GpioController"/> registered before this call is used as it is (the simulator's, in tests and in the
/// default run); otherwise <see cref="GateGpio.CreateController"/> opens the pin map's chip when the gate starts.
/// </remarks>
public static class GateServiceCollectionExtensions
{
    /// <summary>Registers the gate with options from the <c>Kiosk:Gate</c> configuration section.</summary>
    public static IServiceCollection AddGate(this IServiceCollection services) =>
        AddCore(services, services.AddOptions<GateOptions>().BindConfiguration(GateOptions.SectionName));

    /// <summary>Registers the gate with options set in code.</summary>
    public static IServiceCollection AddGate(this IServiceCollection services, Action<GateOptions> configure) =>
        AddCore(services, services.AddOptions<GateOptions>().Configure(configure));

    /// <summary>Registers the gate with options bound from <paramref name="section"/>.</summary>
    public static IServiceCollection AddGate(this IServiceCollection services, IConfigurationSection section) =>
        AddCore(services, services.AddOptions<GateOptions>().Bind(section));

    private static IServiceCollection AddCore(IServiceCollection services, OptionsBuilder<GateOptions> options)
    {
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GateOptions>, GateOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GateEventHub>();

        // The board's own driver on the pin map's chip; only made if nothing else (the simulator's) was registered.
        services.TryAddSingleton(provider => GateGpio.CreateController(GatePinMapLoader.Load(provider.GetRequiredService<IOptions<GateOptions>>().Value.PinMap)));

        // TryAddEnumerable keeps the hosted service single even if AddGate is called twice.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, GateHostedService>());
        return services;
    }
}
