using Kiosk.Circulation.Availability;
using Kiosk.Circulation.Security;
using Kiosk.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SQLite security journal and offline queue behind Kiosk.Circulation's interfaces.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the stores with options from the <c>Kiosk:Storage</c> configuration section.</summary>
    public static IServiceCollection AddSqliteCirculationStore(this IServiceCollection services) =>
        AddCore(services, services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName));

    /// <summary>Registers the stores with options set in code.</summary>
    public static IServiceCollection AddSqliteCirculationStore(this IServiceCollection services, Action<StorageOptions> configure) =>
        AddCore(services, services.AddOptions<StorageOptions>().Configure(configure));

    /// <summary>Registers the stores with options bound from <paramref name="section"/>.</summary>
    public static IServiceCollection AddSqliteCirculationStore(this IServiceCollection services, IConfigurationSection section) =>
        AddCore(services, services.AddOptions<StorageOptions>().Bind(section));

    private static IServiceCollection AddCore(IServiceCollection services, OptionsBuilder<StorageOptions> options)
    {
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SqliteDatabase(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath));
        services.TryAddSingleton<ISecurityJournal>(sp => new SqliteSecurityJournal(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IOfflineTransactionStore>(sp => new SqliteOfflineTransactionStore(sp.GetRequiredService<SqliteDatabase>()));
        return services;
    }
}
