using Kiosk.Devices.Rfid;
using Kiosk.Devices.Transports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Circulation.Sessions;

/// <summary>
/// Replays the security journal once the pad's reader is connected, since recovery must switch tags: started by the
/// host, it waits for the reader (which its own hosted service opens in the background), then calls
/// <see cref="ICirculationKiosk.RecoverAsync"/>.
/// </summary>
internal sealed partial class CirculationRecoveryService(
    ICirculationKiosk kiosk,
    RfidReaderRegistry readers,
    IOptions<CirculationOptions> options,
    TimeProvider timeProvider,
    ILogger<CirculationRecoveryService> logger) : BackgroundService
{
    // A reader normally connects within a second; past this, recover anyway: entries whose tags cannot be reached are
    // secured where possible and listed for staff, which is safer than leaving them unresolved.
    private static readonly TimeSpan ReaderWait = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pad = readers.Get(options.Value.PadReader);
        var deadline = timeProvider.GetUtcNow() + ReaderWait;
        while (pad.LinkState != SerialLinkState.Connected && timeProvider.GetUtcNow() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), timeProvider, stoppingToken).ConfigureAwait(false);
        }

        var recovered = await kiosk.RecoverAsync(stoppingToken).ConfigureAwait(false);
        Recovered(logger, recovered);
    }

    [LoggerMessage(1, LogLevel.Information, "Security journal replayed: {Count} items brought to agree with the ILS")]
    private static partial void Recovered(ILogger logger, int count);
}
