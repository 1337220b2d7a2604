using Kiosk.Circulation.Availability;
using Kiosk.Circulation.Pad;
using Kiosk.Circulation.Security;
using Kiosk.Devices.Rfid;
using Kiosk.Devices.Transports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kiosk.Circulation;

/// <summary>
/// Replays the security journal once the pad's reader is connected, since recovery must switch tags: started by the
/// host, it waits for the reader (which its own hosted service opens in the background), recovers every entry a crash
/// left mid-way, then replays the off-line queue if the ILS answers.
/// </summary>
internal sealed partial class CirculationRecoveryService(
    PadModel pad,
    SecurityRecovery recovery,
    IlsAvailability availability,
    TimeProvider timeProvider,
    ILogger<CirculationRecoveryService> logger) : BackgroundService
{
    // A reader normally connects within a second; past this, recover anyway: entries whose tags cannot be reached are
    // secured where possible and listed for staff, which is safer than leaving them unresolved.
    private static readonly TimeSpan ReaderWait = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var deadline = timeProvider.GetUtcNow() + ReaderWait;
        while (pad.Reader is RfidReaderService { LinkState: not SerialLinkState.Connected } && timeProvider.GetUtcNow() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), timeProvider, stoppingToken).ConfigureAwait(false);
        }

        var recovered = await recovery.RecoverAsync(stoppingToken).ConfigureAwait(false);
        await availability.StartAsync(stoppingToken).ConfigureAwait(false);
        Recovered(logger, recovered);
    }

    [LoggerMessage(1, LogLevel.Information, "Security journal replayed: {Count} items brought to agree with the ILS")]
    private static partial void Recovered(ILogger logger, int count);
}
