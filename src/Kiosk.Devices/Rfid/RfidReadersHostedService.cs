using Microsoft.Extensions.Hosting;

namespace Kiosk.Devices.Rfid;

/// <summary>Starts every reader of the <see cref="RfidReaderRegistry"/> with the host and stops them with it.</summary>
internal sealed class RfidReadersHostedService(RfidReaderRegistry registry) : IHostedService
{
    // Work is started in StartAsync (not ExecuteAsync), so the readers poll as soon as the host has started.
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var reader in registry.Readers)
        {
            await reader.StartAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var reader in registry.Readers)
        {
            await reader.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
