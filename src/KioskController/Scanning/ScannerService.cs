using Kiosk.Devices.Barcode;
using Kiosk.Devices.Transports;
using Microsoft.Extensions.Options;

namespace KioskController.Scanning;

/// <summary>Runs the barcode scanner driver and feeds each code to <see cref="ScanFeed"/>.</summary>
internal sealed class ScannerService(IOptions<ScannerOptions> options, ScanFeed feed, TimeProvider time, ILoggerFactory loggers) : BackgroundService
{
    private BarcodeScanner? _scanner;

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
                if (scannerEvent is BarcodeScanned scanned)
                {
                    feed.Publish(scanned.Code);
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
