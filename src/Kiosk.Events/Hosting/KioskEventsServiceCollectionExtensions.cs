using Kiosk.Events.Broker;
using Kiosk.Events.Commands;
using Kiosk.Events.Envelope;
using Kiosk.Events.Mqtt;
using Kiosk.Events.Options;
using Kiosk.Events.Outbox;
using Kiosk.Events.Privacy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Events.Hosting;

/// <summary>Registers the events pipeline: outbox, publisher, commands and, optionally, the embedded broker.</summary>
public static class KioskEventsServiceCollectionExtensions
{
    /// <summary>Adds the events pipeline bound to <c>Kiosk:Events</c> of the host's configuration.</summary>
    public static IServiceCollection AddKioskEvents(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptionsWithValidateOnStart<KioskEventsOptions>().BindConfiguration(KioskEventsOptions.SectionName);
        services.AddOptionsWithValidateOnStart<PatronPseudonymOptions>().BindConfiguration(PatronPseudonymOptions.SectionName).ValidateDataAnnotations();
        return services.AddKioskEventsCore();
    }

    /// <summary>Adds the events pipeline bound to <paramref name="section"/> (normally <c>Kiosk:Events</c>).</summary>
    public static IServiceCollection AddKioskEvents(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptionsWithValidateOnStart<KioskEventsOptions>().Bind(section);
        services.AddOptionsWithValidateOnStart<PatronPseudonymOptions>().Bind(section.GetSection("PatronPseudonym")).ValidateDataAnnotations();
        return services.AddKioskEventsCore();
    }

    /// <summary>Adds the events pipeline configured in code.</summary>
    public static IServiceCollection AddKioskEvents(this IServiceCollection services, Action<KioskEventsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptionsWithValidateOnStart<KioskEventsOptions>().Configure(configure);
        return services.AddKioskEventsCore();
    }

    /// <summary>Registers a command handler the host offers (reader self-test, printer test page, gate test…).</summary>
    public static IServiceCollection AddKioskCommand(this IServiceCollection services, string name, Func<CommandContext, CancellationToken, Task<CommandResult>> handle)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<ICommandHandler>(new DelegateCommandHandler(name, handle));
        return services;
    }

    /// <summary>
    /// Adds the in-process broker when <c>Enabled</c> is true in <paramref name="section"/> (normally
    /// <c>Kiosk:EmbeddedBroker</c>); the publisher then connects to it.
    /// </summary>
    public static IServiceCollection AddKioskEmbeddedBroker(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        if (!section.GetValue<bool>(nameof(EmbeddedBrokerOptions.Enabled)) || services.Any(descriptor => descriptor.ServiceType == typeof(EmbeddedBroker)))
        {
            return services;
        }

        services.AddOptionsWithValidateOnStart<EmbeddedBrokerOptions>().Bind(section);
        services.AddSingleton<IValidateOptions<EmbeddedBrokerOptions>>(new ConfigurationKeyValidator<EmbeddedBrokerOptions>(new EmbeddedBrokerOptionsValidator(), EmbeddedBrokerOptions.SectionName));
        services.AddSingleton<IValidateOptions<EmbeddedBrokerOptions>, EmbeddedBrokerBindingValidator>();
        services.AddSingleton<EmbeddedBroker>();
        services.AddHostedService(provider => provider.GetRequiredService<EmbeddedBroker>());
        return services;
    }

    private static IServiceCollection AddKioskEventsCore(this IServiceCollection services)
    {
        if (services.Any(descriptor => descriptor.ServiceType == typeof(EventPublisher)))
        {
            // Called twice: the options above merge, but the validator and the publisher are registered once.
            return services;
        }

        services.AddSingleton<IValidateOptions<KioskEventsOptions>>(new ConfigurationKeyValidator<KioskEventsOptions>(new KioskEventsOptionsValidator(), KioskEventsOptions.SectionName));
        services.AddSingleton<IValidateOptions<KioskEventsOptions>, ReconnectDelaysValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PatronDataGuard>();
        // Off unless Kiosk:Events:PatronPseudonym is configured; the host maps a patron to this pseudonym, never to the id.
        services.TryAddSingleton(provider => new PatronPseudonymizer(provider.GetService<IOptions<PatronPseudonymOptions>>()?.Value ?? new PatronPseudonymOptions()));
        services.AddSingleton(provider => new TopicMap(Options(provider).Topics));
        services.AddSingleton(provider => new CloudEventEncoder(provider.GetRequiredService<TopicMap>().Source));
        services.AddSingleton(provider => new SqliteEventOutbox(
            Options(provider).Outbox,
            provider.GetRequiredService<CloudEventEncoder>(),
            provider.GetRequiredService<PatronDataGuard>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<SqliteEventOutbox>>()));
        services.AddSingleton<IEventOutbox>(provider => provider.GetRequiredService<SqliteEventOutbox>());
        services.AddSingleton(provider => new KioskEventsStatus(provider.GetRequiredService<IEventOutbox>(), $"{Options(provider).Mqtt.Host}:{Options(provider).Mqtt.Port}"));
        services.AddSingleton(provider => new CommandAuthorizer(Options(provider).Commands, Options(provider).Topics.Device, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ICommandHandler, PingCommandHandler>();
        services.AddSingleton<ICommandHandler, StatusCommandHandler>();
        services.AddSingleton<CommandProcessor>();
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<EventPublisher>(provider, provider.GetServices<EmbeddedBroker>().ToArray()));
        services.AddHostedService(provider => provider.GetRequiredService<EventPublisher>());
        services.AddSingleton<KioskEventsHealthCheck>();
        return services;
    }

    private static KioskEventsOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<KioskEventsOptions>>().Value;
}
