using Kiosk.Circulation;
using Kiosk.Circulation.Availability;
using Kiosk.Circulation.DomainEvents;
using Kiosk.Circulation.Pad;
using Kiosk.Circulation.Security;
using Kiosk.Circulation.Sessions;
using Kiosk.Ils;
using Kiosk.Circulation.Staff;
using Kiosk.Circulation.Transactions;
using Kiosk.Devices.Rfid;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the kiosk's circulation, one owner per fact: the pad model, the sessions, the ILS's availability, the
/// transactions and the staff desk, and the start-up replay of the security journal. Needs <c>AddSip2Client</c>,
/// <c>AddRfidReaders</c> (or a keyed <see cref="IRfidReader"/> under <see cref="PadModel.ReaderKey"/>) and a store for
/// <see cref="ISecurityJournal"/> and <see cref="IOfflineTransactionStore"/> (<c>AddSqliteCirculationStore</c> in
/// Kiosk.Storage). Register any number of <see cref="ICirculationEventSink"/> to receive the events, and an
/// <see cref="IPatronPrivacy"/> to pseudonymise and guard card numbers.
/// </summary>
public static class CirculationServiceCollectionExtensions
{
    /// <summary>Registers the circulation with options from the <c>Kiosk:Circulation</c> configuration section.</summary>
    public static IServiceCollection AddCirculationKiosk(this IServiceCollection services) =>
        AddCore(services, services.AddOptions<CirculationOptions>().BindConfiguration(CirculationOptions.SectionName));

    /// <summary>Registers the circulation with options set in code.</summary>
    public static IServiceCollection AddCirculationKiosk(this IServiceCollection services, Action<CirculationOptions> configure) =>
        AddCore(services, services.AddOptions<CirculationOptions>().Configure(configure));

    /// <summary>Registers the circulation with options bound from <paramref name="section"/>.</summary>
    public static IServiceCollection AddCirculationKiosk(this IServiceCollection services, IConfigurationSection section) =>
        AddCore(services, services.AddOptions<CirculationOptions>().Bind(section));

    private static IServiceCollection AddCore(IServiceCollection services, OptionsBuilder<CirculationOptions> options)
    {
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CirculationOptions>, CirculationOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CirculationOptions>, CirculationOptionsConsistencyValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(LibraryCalendar.Default);
        services.TryAddSingleton<CirculationEventHub>();
        services.TryAddSingleton<IPatronPrivacy, NoPatronPrivacy>();
        services.TryAddKeyedSingleton<IRfidReader>(PadModel.ReaderKey, (sp, _) =>
            sp.GetRequiredService<RfidReaderRegistry>().Get(sp.GetRequiredService<IOptions<CirculationOptions>>().Value.PadReader));

        // Availability, then the pad, the sessions and the transactions over them: each fact has one owner, injected here.
        services.TryAddSingleton<OfflineReplayer>();
        services.TryAddSingleton<IlsAvailability>();
        services.TryAddSingleton<IlsPermissions>();
        services.TryAddSingleton<PadModel>();
        services.TryAddSingleton<TransactionProgress>();
        services.TryAddSingleton(sp => new SecuritySwitcher(
            sp.GetRequiredService<ISecurityJournal>(),
            sp.GetRequiredService<IOfflineTransactionStore>(),
            sp.GetRequiredService<ISip2Client>(),
            sp.GetRequiredKeyedService<IRfidReader>(PadModel.ReaderKey),
            sp.GetRequiredService<CirculationEventHub>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<CirculationOptions>>().Value.SecuritySwitchRetries,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<SecuritySwitcher>()));
        services.TryAddSingleton(sp => new SecurityRecovery(
            sp.GetRequiredService<ISecurityJournal>(),
            sp.GetRequiredService<IOfflineTransactionStore>(),
            sp.GetRequiredService<ISip2Client>(),
            sp.GetRequiredService<SecuritySwitcher>(),
            sp.GetRequiredService<CirculationEventHub>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<SecurityRecovery>()));
        services.TryAddSingleton<PutBackLoans>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISessionEndParticipant, PutBackLoans>(sp => sp.GetRequiredService<PutBackLoans>()));
        services.TryAddSingleton<PatronSessions>();
        services.TryAddSingleton<PatronAccounts>();
        services.TryAddSingleton<OutcomeFactory>();
        services.TryAddSingleton<Lending>();
        services.TryAddSingleton<Returning>();
        services.TryAddSingleton<Renewing>();
        services.TryAddSingleton<PadFeed>();
        services.TryAddSingleton<StaffDesk>();
        services.TryAddSingleton<KioskView>();

        // TryAddEnumerable keeps the recovery single even if AddCirculationKiosk is called twice.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, CirculationRecoveryService>());
        return services;
    }
}
