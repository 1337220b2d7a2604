using Kiosk.Devices.Printers;
using Kiosk.Devices.Rfid;
using Kiosk.Events.Broker;
using Kiosk.Events.Hosting;
using Kiosk.Events.Mqtt;
using Kiosk.Events.Options;
using KioskController.Simulation;
using KioskController.Commands;
using KioskController.Hosting.WebSurface;
using Microsoft.Extensions.Options;

namespace KioskController.Hosting;

/// <summary>The composition root: the only place that names ports, hosts and simulators.</summary>
internal static class KioskHostExtensions
{
    public static WebApplicationBuilder AddKiosk(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<KioskOptions>().BindConfiguration(KioskOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<KioskOptions>, KioskOptionsConsistencyValidator>();
        services.AddOptions<SimulatorOptions>().BindConfiguration(SimulatorOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.WebHost.UseUrls(builder.Configuration[$"{KioskOptions.SectionName}:Urls"] ?? new KioskOptions().Urls);
        builder.AddKioskWebSurface();

        services.AddSingleton(TimeProvider.System);

        // Enum values go to the screen as camel-case names ("awaitingPin", "pinWrong"), the keys of its resource files.
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(
            new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        services.AddSingleton<KioskStatusProvider>();
        services.AddSingleton<LiveUpdates>();
        services.AddSingleton<StatusChangeSignal>();
        services.AddSingleton<DeviceStatusEvents>();
        services.AddHostedService<StatusBroadcaster>();

        // The simulators register before the SIP2 client so that, when enabled, the ILS is listening when the client starts.
        // Each is switched on its own (Kiosk:Simulators:Ils, Pad, …), so a library can try its own ILS with simulated devices.
        var switches = SimulatorSwitches.From(builder.Configuration);
        var simulated = switches.Any;
        services.AddEmbeddedSimulators(switches);

        services.AddSip2Client();

        // The barcode scanner (Kiosk:Scanner:Port, or the embedded simulator): cards and barcode-only books.
        services.AddOptions<ScannerOptions>().BindConfiguration(ScannerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ScanFeed>();
        services.AddSingleton<ScannerService>();
        services.AddHostedService(sp => sp.GetRequiredService<ScannerService>());

        // Readers come from the embedded simulator, or from the profiles folder a site configures.
        if (switches.Pad || !string.IsNullOrEmpty(builder.Configuration[$"{RfidReadersOptions.SectionName}:ProfileDirectory"]))
        {
            services.AddRfidReaders();
            services.AddSingleton<PadBridge>();
            services.AddHostedService(sp => sp.GetRequiredService<PadBridge>());

            // Circulation at the pad: the pad model, sessions, loans, returns, the security journal and the offline store
            // (SQLite, Kiosk:Storage:DatabasePath), and the screen's API over them. Due dates are days in the library's zone.
            services.AddSqliteCirculationStore();
            services.AddSingleton(sp => new LibraryCalendar(TimeZoneInfo.FindSystemTimeZoneById(sp.GetRequiredService<IOptions<KioskOptions>>().Value.TimeZone)));
            services.AddSingleton<IPatronPrivacy, PatronPrivacy>();
            services.AddCirculationKiosk();
            services.AddSingleton<Kiosk.Circulation.DomainEvents.ICirculationEventSink, LiveSessionSink>();
            services.AddSingleton<OutboxCirculationSink>();
            services.AddSingleton<Kiosk.Circulation.DomainEvents.ICirculationEventSink>(sp => sp.GetRequiredService<OutboxCirculationSink>());
            services.AddOptions<ReceiptOptions>().BindConfiguration(ReceiptOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
            services.AddSingleton<ReceiptDesk>();
            services.AddSingleton<TransactionGate>();
            services.AddHostedService<ScannerBridge>();

            // The staff screen (/staff): the list of what needs staff, live, and its access code (Kiosk:Staff). The
            // simulated run has a published default code; a real kiosk must set its own.
            services.AddSingleton<IValidateOptions<StaffOptions>>(new StaffOptionsValidator(simulated));
            services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.SectionName).ValidateOnStart();
            if (simulated)
            {
                services.PostConfigure<StaffOptions>(staff =>
                {
                    if (string.IsNullOrEmpty(staff.AccessCode))
                    {
                        staff.AccessCode = StaffOptions.SimulatorDefaultAccessCode;
                    }
                });
            }

            services.AddSingleton<StaffAccess>();
            services.AddSingleton<ItemTitles>();
            services.AddSingleton<Kiosk.Circulation.DomainEvents.ICirculationEventSink>(sp => sp.GetRequiredService<ItemTitles>());
            services.AddSingleton<Kiosk.Circulation.DomainEvents.ICirculationEventSink, StaffLiveSink>();
        }

        // The receipt printer: the embedded simulator, or the printer a site's profile names (Kiosk:Printer:Profile).
        var printerProfile = builder.Configuration[$"{KioskOptions.SectionName}:Printer:Profile"];
        if (!switches.Printer && !string.IsNullOrEmpty(printerProfile))
        {
            services.AddSingleton(_ => PrinterProfileLoader.Load(printerProfile));
            services.AddSingleton<IReceiptPrinter>(sp => CreatePrinter(printerProfile, sp));
        }

        if (switches.Printer || !string.IsNullOrEmpty(printerProfile))
        {
            services.AddSingleton<PrinterMonitor>();
            services.AddHostedService(sp => sp.GetRequiredService<PrinterMonitor>());
        }

        // The exit gate: the embedded one in the simulated run, or the gate a site's pin map names (Kiosk:Gate:PinMap).
        if (switches.Gate || !string.IsNullOrEmpty(builder.Configuration[$"{Kiosk.Devices.Gates.GateOptions.SectionName}:PinMap"]))
        {
            services.AddGate();
            services.AddGateAlarmEnrichment(builder.Configuration.GetSection($"{Kiosk.Devices.Gates.GateOptions.SectionName}:Enrichment"));
            services.AddSingleton<GateEventForwarder>();
            services.AddHostedService(sp => sp.GetRequiredService<GateEventForwarder>());
        }

        // Remote commands for technicians (reader self-test, printer test page, maintenance mode, reload), authorised by Kiosk.Events.
        services.AddKioskCommandHandlers();

        services.AddHealthChecks().AddCheck<IlsLinkHealthCheck>("ils");

        // Events to the central system over MQTT. The default run starts an embedded broker on loopback; a simulated run
        // without a configured outbox path keeps its outbox in a temporary file of its own, so parallel runs never share one.
        builder.Configuration.AddInMemoryCollection([new($"{EmbeddedBrokerOptions.SectionName}:Enabled", switches.Broker ? "true" : "false")]);
        services.AddKioskEmbeddedBroker(builder.Configuration.GetSection(EmbeddedBrokerOptions.SectionName));
        services.AddKioskEvents(builder.Configuration.GetSection(KioskEventsOptions.SectionName));
        var eventsDevice = builder.Configuration[$"{KioskEventsOptions.SectionName}:Topics:Device"];
        var kioskDevice = builder.Configuration[$"{KioskOptions.SectionName}:DeviceId"];
        var outboxPath = builder.Configuration[$"{KioskEventsOptions.SectionName}:Outbox:Path"]
            ?? (simulated ? Path.Combine(Path.GetTempPath(), $"kiosk-events-{Guid.NewGuid():N}.db") : null);
        services.PostConfigure<KioskEventsOptions>(events =>
        {
            // A malformed Kiosk:DeviceId is reported by KioskOptions under its own key, not as a topic error.
            var device = eventsDevice ?? kioskDevice;
            if (device is not null && (eventsDevice is not null || System.Text.RegularExpressions.Regex.IsMatch(device, "^[a-z0-9][a-z0-9-]{0,62}$")))
            {
                events.Topics.Device = device;
            }

            events.Outbox.Path = outboxPath ?? events.Outbox.Path;
        });
        services.AddHealthChecks().AddCheck<KioskEventsHealthCheck>("events");
        builder.AddConfigurationChecks(simulated);
        return builder;
    }

    /// <summary>A site's printer from its profile; a missing or wrong profile stops the kiosk naming the file and key.</summary>
    private static EscPosReceiptPrinter CreatePrinter(string path, IServiceProvider services)
    {
        var profile = services.GetRequiredService<PrinterProfile>();
        var transport = profile.Transport ?? throw new PrinterProfileException(
            $"Printer profile {path} has no transport; add \"transport\": {{ \"serialPort\" | \"host\" | \"devicePath\": … }}.");
        return new EscPosReceiptPrinter(
            PrinterTransportFactory.Create(transport),
            new ReceiptPrinterOptions(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<EscPosReceiptPrinter>>());
    }

    public static WebApplication UseKiosk(this WebApplication app)
    {
        // The simulator control panel exists only when a simulator runs; a real kiosk answers 404 under /sim.
        var simulated = app.Services.GetRequiredService<SimulatorSwitches>().Any;
        app.UseKioskWebSurface();
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/sim", StringComparison.OrdinalIgnoreCase, out var rest))
            {
                if (!simulated)
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                if (!rest.HasValue)
                {
                    context.Response.Redirect("/sim/");
                    return;
                }
            }

            await next(context).ConfigureAwait(false);
        });
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapKioskStatus();
        LiveEndpoints.MapLiveUpdates(app);
        app.MapKioskEventsStatus();
        if (simulated)
        {
            app.MapSimulatorControl();
        }

        if (app.Services.GetService<KioskView>() is not null)
        {
            // Resolved now, not on the first request, so that a card scanned before anyone opens the screen still signs in.
            app.MapSessionApi();
            app.MapStaffApi();
            if (simulated && app.Services.GetRequiredService<IOptions<StaffOptions>>().Value.AccessCode == StaffOptions.SimulatorDefaultAccessCode)
            {
                Api.Staff.Log.SimulatorDefaultCode(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<StaffAccess>());
            }
        }

        return app;
    }
}
