using Kiosk.Ils;
using Kiosk.Ils.Channels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SIP2 client, the channels it talks over (TCP or TLS by default) and its background upkeep.</summary>
public static class Sip2ServiceCollectionExtensions
{
    /// <summary>Registers the client with options from the <c>Kiosk:Sip2</c> configuration section.</summary>
    public static IServiceCollection AddSip2Client(this IServiceCollection services) =>
        AddCore(services, services.AddOptions<Sip2ClientOptions>().BindConfiguration(Sip2ClientOptions.SectionName));

    /// <summary>Registers the client with options set in code.</summary>
    public static IServiceCollection AddSip2Client(this IServiceCollection services, Action<Sip2ClientOptions> configure) =>
        AddCore(services, services.AddOptions<Sip2ClientOptions>().Configure(configure));

    /// <summary>Registers the client with options bound from <paramref name="section"/>.</summary>
    public static IServiceCollection AddSip2Client(this IServiceCollection services, IConfigurationSection section) =>
        AddCore(services, services.AddOptions<Sip2ClientOptions>().Bind(section));

    private static IServiceCollection AddCore(IServiceCollection services, OptionsBuilder<Sip2ClientOptions> options)
    {
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Sip2ClientOptions>, Sip2ClientOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Sip2ClientOptions>, Sip2ClientOptionsConsistencyValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // TCP, or TLS when the options ask. A test or a simulator registers its own factory first to stand in without a
        // port. A rejected certificate is logged under the client's category, as the client reports everything else.
        services.TryAddSingleton<ISip2ChannelFactory>(sp => new TcpSip2ChannelFactory(sp.GetRequiredService<ILogger<Sip2Client>>()));
        services.TryAddSingleton<Sip2Client>();
        services.TryAddSingleton<ISip2Client>(sp => sp.GetRequiredService<Sip2Client>());

        // TryAddEnumerable keeps the hosted service single even if AddSip2Client is called twice.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, Sip2ClientMaintenanceService>());
        return services;
    }
}
