using Kiosk.Circulation.Gates;
using Kiosk.Devices.Gates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the gate alarm enricher: titles from the ILS for the gate's alarms. Needs an <c>ISip2Client</c>.</summary>
public static class GateAlarmEnrichmentServiceCollectionExtensions
{
    /// <summary>Registers the enricher with options from <c>Kiosk:Gate:Enrichment</c>.</summary>
    public static IServiceCollection AddGateAlarmEnrichment(this IServiceCollection services) =>
        AddCore(services, services.AddOptions<GateAlarmEnricherOptions>().BindConfiguration(GateAlarmEnricherOptions.SectionName));

    /// <summary>Registers the enricher with options set in code.</summary>
    public static IServiceCollection AddGateAlarmEnrichment(this IServiceCollection services, Action<GateAlarmEnricherOptions> configure) =>
        AddCore(services, services.AddOptions<GateAlarmEnricherOptions>().Configure(configure));

    /// <summary>Registers the enricher with options bound from <paramref name="section"/>.</summary>
    public static IServiceCollection AddGateAlarmEnrichment(this IServiceCollection services, IConfigurationSection section) =>
        AddCore(services, services.AddOptions<GateAlarmEnricherOptions>().Bind(section));

    private static IServiceCollection AddCore(IServiceCollection services, OptionsBuilder<GateAlarmEnricherOptions> options)
    {
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GateAlarmEnricherOptions>, GateAlarmEnricherOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GateEventHub>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, GateAlarmEnricher>());
        return services;
    }
}
