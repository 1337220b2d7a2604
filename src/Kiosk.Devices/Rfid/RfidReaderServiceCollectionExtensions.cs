using Kiosk.Devices.Rfid;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the kiosk's RFID readers: one polling service per profile, started with the host.</summary>
public static class RfidReaderServiceCollectionExtensions
{
    /// <summary>Registers the readers with options from the <c>Kiosk:Rfid</c> configuration section.</summary>
    public static IServiceCollection AddRfidReaders(this IServiceCollection services) =>
        AddCore(services, services.AddOptions<RfidReadersOptions>().BindConfiguration(RfidReadersOptions.SectionName));

    /// <summary>Registers the readers with options set in code.</summary>
    public static IServiceCollection AddRfidReaders(this IServiceCollection services, Action<RfidReadersOptions> configure) =>
        AddCore(services, services.AddOptions<RfidReadersOptions>().Configure(configure));

    /// <summary>Registers the readers with options bound from <paramref name="section"/>.</summary>
    public static IServiceCollection AddRfidReaders(this IServiceCollection services, IConfigurationSection section) =>
        AddCore(services, services.AddOptions<RfidReadersOptions>().Bind(section));

    private static IServiceCollection AddCore(IServiceCollection services, OptionsBuilder<RfidReadersOptions> options)
    {
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RfidReadersOptions>, RfidReadersOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RfidReaderRegistry>();

        // TryAddEnumerable keeps the hosted service single even if AddRfidReaders is called twice.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, RfidReadersHostedService>());
        return services;
    }
}
