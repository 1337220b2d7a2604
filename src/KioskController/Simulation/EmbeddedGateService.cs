namespace KioskController.Simulation;

/// <summary>Plugs the gate's reader simulator in and clears the beams before the gate starts polling.</summary>
internal sealed class EmbeddedGateService(EmbeddedGateSetup setup) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        setup.Reader.Plug();
        setup.Walks.ClearBeams();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
