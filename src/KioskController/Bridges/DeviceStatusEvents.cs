using Kiosk.Events.Model;
using Kiosk.Events.Outbox;

namespace KioskController.Bridges;

/// <summary>
/// Turns the status snapshot into <c>device.status.changed</c> events for the central system: each reader, the scanner,
/// the printer and the ILS link, whenever one moves between online, degraded and offline (the gate and the broker
/// report their own). Only moves are published, not every detail that changes within a state, so a flapping "paper
/// near end" does not fill the outbox; the detail of the move says why.
/// </summary>
internal sealed partial class DeviceStatusEvents(IEventOutbox outbox, ILogger<DeviceStatusEvents> logger)
{
    // Called from one loop only (StatusBroadcaster), so no lock.
    private readonly Dictionary<(DeviceKind Kind, string Name), DeviceStatus> _published = [];

    /// <summary>Publishes every device whose state differs from the last one published for it.</summary>
    public async Task ObserveAsync(KioskStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        foreach (var change in States(status))
        {
            var key = (change.Device, change.Name);
            if (_published.TryGetValue(key, out var previous) && previous == change.Status)
            {
                continue;
            }

            try
            {
                await outbox.AppendAsync(change, cancellationToken).ConfigureAwait(false);
                _published[key] = change.Status;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Status is the first thing a full outbox sheds, and a disk or guard failure here must not stop the
                // screens' status updates that share this loop; the next snapshot tries again.
                Log.NotRecorded(logger, change.Device, change.Name, ex.Message);
            }
        }
    }

    /// <summary>Each device's state in the snapshot, as the events catalogue names it.</summary>
    public static IEnumerable<DeviceStatusChangedData> States(KioskStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        foreach (var reader in status.Readers)
        {
            yield return new DeviceStatusChangedData(DeviceKind.Reader, reader.Name, LinkState(reader.Status), reader.Reason);
        }

        if (status.Scanner is { } scanner)
        {
            yield return new DeviceStatusChangedData(DeviceKind.Scanner, scanner.Port, LinkState(scanner.Status), scanner.Reason);
        }

        if (status.Printer is { } printer)
        {
            var state = printer.CanPrint && !printer.PaperNearEnd ? DeviceStatus.Online
                : printer.Offline && !printer.PaperEnd && !printer.CoverOpen ? DeviceStatus.Offline
                : DeviceStatus.Degraded;
            yield return new DeviceStatusChangedData(DeviceKind.Printer, "printer", state, printer.Detail ?? PrinterTrouble(printer));
        }

        // "unknown" is the time before the first answer: nothing has happened yet to report.
        if (status.Ils.Status is "online" or "offline")
        {
            var online = status.Ils.Status == "online";
            yield return new DeviceStatusChangedData(DeviceKind.IlsLink, status.Ils.Host, online ? DeviceStatus.Online : DeviceStatus.Offline, online ? null : "the ILS does not answer");
        }
    }

    private static string? PrinterTrouble(PrinterSnapshot printer)
    {
        string[] trouble =
        [
            .. printer.PaperEnd ? ["paper end"] : Array.Empty<string>(),
            .. printer.CoverOpen ? ["cover open"] : Array.Empty<string>(),
            .. printer.PaperNearEnd ? ["paper near end"] : Array.Empty<string>(),
            .. printer.Offline ? ["off-line"] : Array.Empty<string>(),
        ];
        return trouble.Length == 0 ? null : string.Join(", ", trouble);
    }

    private static DeviceStatus LinkState(string status) => status switch
    {
        "connected" => DeviceStatus.Online,
        "faulted" => DeviceStatus.Degraded,
        _ => DeviceStatus.Offline,
    };

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "The {Device} {Name} status change could not be written to the outbox: {Reason}")]
        public static partial void NotRecorded(ILogger logger, DeviceKind device, string name, string reason);
    }
}
