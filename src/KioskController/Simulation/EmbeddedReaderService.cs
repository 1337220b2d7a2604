using Kiosk.Simulators.Rfid;

namespace KioskController.Simulation;

/// <summary>
/// Plugs in the pad's FEIG reader simulator in <see cref="StartAsync"/>, before the reader service starts polling, so
/// the kiosk finds its reader on a real pseudo-terminal as it would a USB reader.
/// </summary>
internal sealed partial class EmbeddedReaderService(EmbeddedReaderSetup setup, ILoggerFactory loggers, TimeProvider time) : IHostedService, IAsyncDisposable
{
    private FeigReaderSimulator? _simulator;

    /// <summary>The pad reader's fault injection (tags that will not switch, corrupted radio), once plugged in.</summary>
    public ReaderFaults? Faults => _simulator?.Faults;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _simulator = new FeigReaderSimulator(
            setup.Field,
            new FeigReaderSimulatorOptions { LinkPath = setup.LinkPath },
            time,
            loggers.CreateLogger<FeigReaderSimulator>());
        _simulator.Plug();
        Log.Started(loggers.CreateLogger<EmbeddedReaderService>(), setup.LinkPath);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_simulator is not null)
        {
            await _simulator.UnplugAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Embedded FEIG reader simulator plugged in at {Link}")]
        public static partial void Started(ILogger logger, string link);
    }
}
