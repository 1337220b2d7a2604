using Kiosk.Devices.Printers;
using Kiosk.Devices.Rfid;
using Kiosk.Ils;
using Microsoft.Extensions.Options;

namespace KioskController.Simulation;

/// <summary>Registers the in-process simulators a run switches on, and points the kiosk at them.</summary>
internal static class SimulatorServiceCollectionExtensions
{
    public static IServiceCollection AddEmbeddedSimulators(this IServiceCollection services, SimulatorSwitches switches)
    {
        services.AddSingleton(switches);
        if (!switches.Any)
        {
            return services;
        }

        // What the simulated run replaces is checked anyway where it would be wrong anywhere, and named at start.
        services.AddSingleton<IValidateOptions<SimulatorOptions>, SimulatedRunSettingsValidator>();
        services.AddHostedService<SimulatedRunOverrides>();

        if (switches.Ils)
        {
            AddIls(services);
        }

        if (switches.Printer)
        {
            AddPrinter(services);
        }

        if (switches.Pad || switches.Gate)
        {
            // Books come from the embedded ILS's sample library, or from the library's own ILS by item id.
            services.AddSingleton<SimulatedShelf>();
            if (switches.Ils)
            {
                services.AddSingleton<IShelfCatalogue, EmbeddedIlsCatalogue>();
            }
            else
            {
                services.AddSingleton<IShelfCatalogue, IlsShelfCatalogue>();
            }
        }

        if (switches.Pad)
        {
            // The pad: a FEIG reader simulator on a pty, plugged in before the reader service starts polling it.
            services.AddSingleton<EmbeddedReaderSetup>();
            services.AddSingleton<EmbeddedReaderService>();
            services.AddHostedService(sp => sp.GetRequiredService<EmbeddedReaderService>());
            services.AddOptions<RfidReadersOptions>().PostConfigure<EmbeddedReaderSetup>((rfid, reader) => rfid.ProfileDirectory = reader.ProfileDirectory);
        }

        if (switches.Scanner)
        {
            // The barcode scanner: a serial scanner simulator on a pty, plugged in before the scanner driver starts.
            services.AddSingleton<EmbeddedScannerSetup>();
            services.AddHostedService<EmbeddedScannerService>();
            services.AddOptions<Scanning.ScannerOptions>().PostConfigure<EmbeddedScannerSetup>((scanner, setup) => scanner.Port = setup.LinkPath);
        }

        if (switches.Gate)
        {
            // The exit gate: its own reader simulator (two panels) and a simulated GPIO chip, set up before the gate starts.
            services.AddSingleton<EmbeddedGateSetup>();
            services.AddHostedService<EmbeddedGateService>();
            services.AddSingleton(sp => sp.GetRequiredService<EmbeddedGateSetup>().CreateController());
            services.AddOptions<Kiosk.Devices.Gates.GateOptions>().PostConfigure<EmbeddedGateSetup>((gate, setup) =>
            {
                gate.PinMap = setup.PinMapPath;
                gate.ReaderProfile = setup.ReaderProfilePath;
                gate.CountFile = setup.CountFile;
            });
        }

        return services;
    }

    private static void AddIls(IServiceCollection services)
    {
        services.AddSingleton(sp => new EmbeddedIlsCredentials(sp.GetRequiredService<IOptions<SimulatorOptions>>().Value.IlsPort));
        services.AddSingleton<EmbeddedIlsService>();
        services.AddHostedService(sp => sp.GetRequiredService<EmbeddedIlsService>());

        // The simulated ILS starts afresh each run, so the journal and offline store do too: yesterday's journal would
        // not agree with today's simulated library. Against a library's own ILS they stay where the site put them.
        services.AddSingleton<SimulatedRunFolder>();
        services.AddOptions<Kiosk.Storage.StorageOptions>().PostConfigure<SimulatedRunFolder>((storage, folder) =>
            storage.DatabasePath = Path.Combine(folder.Path, "circulation.db"));

        // The kiosk talks to the embedded ILS whatever Kiosk:Sip2 says about host, port and login.
        services.AddOptions<Sip2ClientOptions>().PostConfigure<EmbeddedIlsCredentials, IOptions<SimulatorOptions>>((sip2, ils, simulators) =>
        {
            sip2.Host = "127.0.0.1";
            sip2.Port = ils.Port;
            sip2.UseTls = false;
            sip2.UserId = ils.UserId;
            sip2.Password = ils.Password;
            sip2.Charset = simulators.Value.IlsCharset;
        });
    }

    private static void AddPrinter(IServiceCollection services)
    {
        // The receipt printer: an ESC/POS printer simulator on loopback TCP, as a network printer on port 9100 would be.
        services.AddSingleton<EmbeddedPrinterSetup>();
        services.AddSingleton<IReceiptPrinter>(sp => new EscPosReceiptPrinter(
            new TcpPrinterTransport("127.0.0.1", sp.GetRequiredService<EmbeddedPrinterSetup>().Simulator.TcpPort),
            new ReceiptPrinterOptions(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<EscPosReceiptPrinter>>()));

        // The receipt printer's profile: an Epson TM-T20 on 80 mm paper, Vietnamese as raster glyphs (ESC &).
        services.AddSingleton(new PrinterProfile
        {
            Name = "embedded-simulator",
            PaperWidthMillimetres = 80,
            DotsPerLine = 576,
            CharactersPerLine = 48,
            Mode = PrinterMode.RasterGlyphs,
            Cutter = PrinterCutter.Partial,
        });
    }
}
