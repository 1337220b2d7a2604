using Kiosk.Circulation.DomainEvents;
using Kiosk.Circulation.Offline;
using Kiosk.Circulation.Security;
using Kiosk.Circulation.Sessions;
using Kiosk.Ils;
using Kiosk.Devices.Rfid;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the kiosk's circulation (<see cref="ICirculationKiosk"/>) and the start-up replay of its journal. Needs
/// <c>AddSip2Client</c>, <c>AddRfidReaders</c> and a store for <see cref="ISecurityJournal"/> and
/// <see cref="IOfflineTransactionStore"/> (<c>AddSqliteCirculationStore</c> in Kiosk.Storage). Register any number of
/// <see cref="ICirculationEventSink"/> to receive the events.
/// </summary>
public static class CirculationServiceCollectionExtensions
{
    /// <summary>Registers the kiosk with options from the <c>Kiosk:Circulation</c> configuration section.</summary>
    public static IServiceCollection AddCirculationKiosk(this IServiceCollection services) =>
        AddCore(services, services.AddOptions<CirculationOptions>().BindConfiguration(CirculationOptions.SectionName));

    /// <summary>Registers the kiosk with options set in code.</summary>
    public static IServiceCollection AddCirculationKiosk(this IServiceCollection services, Action<CirculationOptions> configure) =>
        AddCore(services, services.AddOptions<CirculationOptions>().Configure(configure));

    /// <summary>Registers the kiosk with options bound from <paramref name="section"/>.</summary>
    public static IServiceCollection AddCirculationKiosk(this IServiceCollection services, IConfigurationSection section) =>
        AddCore(services, services.AddOptions<CirculationOptions>().Bind(section));

    private static IServiceCollection AddCore(IServiceCollection services, OptionsBuilder<CirculationOptions> options)
    {
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CirculationOptions>, CirculationOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CirculationOptions>, CirculationOptionsConsistencyValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CirculationEventHub>();
        services.TryAddSingleton<ICirculationKiosk>(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<CirculationOptions>>().Value;
            return new CirculationKiosk(
                settings,
                sp.GetRequiredService<ISip2Client>(),
                sp.GetRequiredService<RfidReaderRegistry>().Get(settings.PadReader),
                sp.GetRequiredService<ISecurityJournal>(),
                sp.GetRequiredService<IOfflineTransactionStore>(),
                sp.GetRequiredService<CirculationEventHub>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILoggerFactory>());
        });

        // TryAddEnumerable keeps the recovery single even if AddCirculationKiosk is called twice.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, CirculationRecoveryService>());
        return services;
    }
}
