namespace KioskController.Simulation;

/// <summary>Plugs the simulated scanner in before the scanner driver starts, so the driver finds its port at once.</summary>
internal sealed class EmbeddedScannerService(EmbeddedScannerSetup setup) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        setup.Simulator.Plug();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        setup.Simulator.Unplug();
        return Task.CompletedTask;
    }
}
