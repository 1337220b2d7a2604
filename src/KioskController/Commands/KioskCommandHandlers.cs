using Kiosk.Devices.Printers;
using Kiosk.Devices.Rfid;
using Kiosk.Devices.Transports;
using Kiosk.Events.Commands;
using Kiosk.Protocols.Printing;
using Microsoft.Extensions.Options;

namespace KioskController.Commands;

/// <summary>
/// The remote commands this host carries out for technicians (src/Kiosk.Events/README.md). Authorisation (role allowlist,
/// HMAC, nonce, clock skew) happens before any of these runs, in Kiosk.Events' command processor.
/// </summary>
internal static class KioskCommandHandlers
{
    /// <summary>How long a self-test waits for each antenna's inventory.</summary>
    private static readonly TimeSpan s_inventoryTimeout = TimeSpan.FromSeconds(3);

    public static IServiceCollection AddKioskCommandHandlers(this IServiceCollection services)
    {
        services.AddSingleton<MaintenanceMode>();
        services.AddSingleton<ICommandHandler>(sp => new DelegateCommandHandler(CommandNames.EnterMaintenance, (_, _) =>
        {
            sp.GetRequiredService<MaintenanceMode>().Set(true);
            return Task.FromResult(CommandResult.Ok(new { maintenance = true }, "The kiosk is out of service until leave-maintenance."));
        }));
        services.AddSingleton<ICommandHandler>(sp => new DelegateCommandHandler(CommandNames.LeaveMaintenance, (_, _) =>
        {
            sp.GetRequiredService<MaintenanceMode>().Set(false);
            return Task.FromResult(CommandResult.Ok(new { maintenance = false }, "The kiosk is back in service."));
        }));
        services.AddSingleton<ICommandHandler>(sp => new DelegateCommandHandler(CommandNames.ReloadConfiguration, (_, _) =>
        {
            // Options bound with IOptionsMonitor follow the reload; settings read once at start need a restart.
            if (sp.GetRequiredService<IConfiguration>() is IConfigurationRoot root)
            {
                root.Reload();
                return Task.FromResult(CommandResult.Ok(message: "Configuration reloaded; device and port settings take effect at the next restart."));
            }

            return Task.FromResult(CommandResult.Failed("This host's configuration cannot be reloaded."));
        }));
        services.AddSingleton<ICommandHandler, GateTestCommand>();
        services.AddSingleton<ICommandHandler>(sp => new DelegateCommandHandler(CommandNames.ReaderSelfTest, (_, cancellationToken) => ReaderSelfTestAsync(sp, cancellationToken)));
        services.AddSingleton<ICommandHandler>(sp => new DelegateCommandHandler(CommandNames.PrinterTestPage, (_, cancellationToken) => PrinterTestPageAsync(sp, cancellationToken)));
        return services;
    }

    private static async Task<CommandResult> ReaderSelfTestAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var registry = services.GetService<RfidReaderRegistry>();
        if (registry is null || registry.Readers.Count == 0)
        {
            return CommandResult.Failed("This kiosk has no RFID reader configured (Kiosk:Rfid:ProfileDirectory).");
        }

        var results = new List<object>();
        var allPassed = true;
        foreach (var reader in registry.Readers)
        {
            foreach (var antenna in reader.Antennas)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(s_inventoryTimeout);
                try
                {
                    var tags = await reader.InventoryAsync(antenna, cancellationToken: timeout.Token).ConfigureAwait(false);
                    results.Add(new { reader = reader.Name, antenna, passed = true, link = reader.LinkState.ToString(), tags = tags.Count });
                }
                catch (Exception ex) when (ex is RfidReaderException or OperationCanceledException or SerialTransportException)
                {
                    allPassed = false;
                    results.Add(new { reader = reader.Name, antenna, passed = false, link = reader.LinkState.ToString(), error = ex.Message });
                }
            }
        }

        return allPassed
            ? CommandResult.Ok(results, "Every reader answered an inventory on every antenna.")
            : new CommandResult(false, "At least one reader or antenna did not answer; see data.", results);
    }

    private static async Task<CommandResult> PrinterTestPageAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var printer = services.GetService<IReceiptPrinter>();
        var profile = services.GetService<PrinterProfile>();
        if (printer is null || profile is null)
        {
            return CommandResult.Failed("This kiosk has no receipt printer configured (Kiosk:Printer:Profile).");
        }

        var kiosk = services.GetRequiredService<IOptions<KioskOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();

        // A receipt with no patron and one line per mode check: what a technician reads off the paper.
        var page = new Receipt
        {
            LibraryName = kiosk.LibraryName,
            Address = "TRANG IN THỬ / TEST PAGE",
            Patron = PatronDisplayName.Create(null, "-"),
            ScreenMessages = ["Do bạch kim rất quý nên sẽ dùng để lắp vô xương.", $"{profile.Name}: {profile.Mode}, {profile.DotsPerLine} dots"],
            PrintedAt = time.GetLocalNow(),
        };
        var result = await printer.PrintAsync(new ReceiptJobBuilder(profile).Build(page), cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? CommandResult.Ok(new { status = result.Status.Detail }, "Test page printed.")
            : new CommandResult(false, "The test page did not print: " + (result.Message ?? result.Code.ToString()), new { status = result.Status.Detail });
    }
}
