using Kiosk.Devices.Barcode;
using Kiosk.Devices.Transports;
using Microsoft.Extensions.Options;

namespace KioskController.Scanning;

/// <summary>Runs the barcode scanner driver and feeds each code to <see cref="ScanFeed"/>.</summary>
internal sealed class ScannerService(IOptions<ScannerOptions> options, ScanFeed feed, StatusChangeSignal changed, TimeProvider time, ILoggerFactory loggers) : BackgroundService
{
    private BarcodeScanner? _scanner;
    private volatile ScannerSnapshot? _snapshot;

    /// <summary>The scanner's link now, or null when the kiosk has none.</summary>
    public ScannerSnapshot? Snapshot() => _snapshot;

    /// <summary>Whether the scanner's port is open.</summary>
    public SerialLinkState? LinkState => _scanner?.LinkState;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!string.IsNullOrEmpty(settings.Port))
        {
            var transport = new SerialPortTransport(
                new SerialTransportOptions { PortName = settings.Port, BaudRate = settings.BaudRate },
                time,
                loggers.CreateLogger<SerialPortTransport>());
            _scanner = new BarcodeScanner(transport, new BarcodeScannerOptions(), time, loggers.CreateLogger<BarcodeScanner>());
            _snapshot = new ScannerSnapshot(settings.Port, "disconnected", "not connected yet");
            await _scanner.StartAsync(cancellationToken).ConfigureAwait(false);
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_scanner is null)
        {
            return;
        }

        try
        {
            await foreach (var scannerEvent in _scanner.Events.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                switch (scannerEvent)
                {
                    case BarcodeScanned scanned:
                        feed.Publish(scanned.Code);
                        break;
                    case BarcodeScannerConnected connected:
                        _snapshot = new ScannerSnapshot(connected.PortName, "connected", null);
                        changed.Raise();
                        break;
                    case BarcodeScannerDisconnected lost:
                        _snapshot = new ScannerSnapshot(lost.PortName, "disconnected", lost.Reason);
                        changed.Raise();
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_scanner is not null)
        {
            await _scanner.DisposeAsync().ConfigureAwait(false);
        }
    }
}
