using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KioskController.Hosting;

/// <summary>The checks that make every configuration mistake a line naming its key and exit 78, never a crash.</summary>
internal static class ConfigurationCheckExtensions
{
    /// <summary>Adds the checks; call after the rest of the composition, whose registrations they look at.</summary>
    public static WebApplicationBuilder AddConfigurationChecks(this WebApplicationBuilder builder, bool simulated)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<KioskOptions>, KioskFileSettingsValidator>();

        // Without a pad there is no staff screen, but a staff code that is set is checked all the same: 0000 on a real
        // kiosk would be the published code the day a reader is added.
        if (!services.Any(service => service.ServiceType == typeof(IValidateOptions<StaffOptions>))
            && builder.Configuration.GetSection(StaffOptions.SectionName).GetChildren().Any())
        {
            services.AddSingleton<IValidateOptions<StaffOptions>>(new StaffOptionsValidator(simulated));
            services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.SectionName).ValidateOnStart();
        }

        // The host logs a failed start with its stack trace; Program reports a configuration mistake in one line per key.
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(provider => new StartupConfigurationErrorLoggerFactory(
            new LoggerFactory(
                provider.GetServices<ILoggerProvider>(),
                provider.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
                provider.GetService<IOptions<LoggerFactoryOptions>>(),
                provider.GetService<Microsoft.Extensions.Logging.IExternalScopeProvider>()),
            () => provider.GetService<IHostApplicationLifetime>())));
        return builder;
    }
}
