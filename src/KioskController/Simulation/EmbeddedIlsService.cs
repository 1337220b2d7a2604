using Kiosk.Simulators.Ils;
using Microsoft.Extensions.Options;

namespace KioskController.Simulation;

/// <summary>
/// Runs the SIP2 ILS simulator in-process for the default run, seeded with Vietnamese sample data. It starts in
/// <see cref="StartAsync"/>, before the SIP2 client's upkeep begins, so the kiosk finds its ILS listening.
/// </summary>
internal sealed partial class EmbeddedIlsService(
    IOptions<SimulatorOptions> options,
    EmbeddedIlsCredentials credentials,
    ILoggerFactory loggers,
    TimeProvider time) : IHostedService, IAsyncDisposable
{
    private IlsSimulator? _simulator;

    /// <summary>The running simulator, for the simulator control API and tests; null before start.</summary>
    public IlsSimulator? Simulator => _simulator;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var value = options.Value;
        _simulator = new IlsSimulator(
            new IlsSimulatorOptions
            {
                Port = credentials.Port,
                Charset = value.IlsCharset,
                LoginUserId = credentials.UserId,
                LoginPassword = credentials.Password,
            },
            loggers.CreateLogger<IlsSimulator>(),
            time);
        _simulator.Faults.OneSessionPerLogin = value.IlsOneSessionPerLogin;
        try
        {
            if (credentials.TakeListener() is { } listening)
            {
                await _simulator.StartAsync(listening, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _simulator.StartAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException(
                $"{SimulatorOptions.SectionName}:IlsPort: the embedded ILS simulator cannot listen on 127.0.0.1:{credentials.Port}, which another program holds; "
                + "set it to a free port (0 picks one), or stop the other program.", ex);
        }

        Log.Started(loggers.CreateLogger<EmbeddedIlsService>(), credentials.Port);
    }

    /// <summary>Whether the simulator control panel has cut the link.</summary>
    public bool IsCut { get; private set; }

    /// <summary>Cuts the ILS link: the simulator stops listening and drops every connection, as a network outage would.</summary>
    public async Task CutAsync(CancellationToken cancellationToken)
    {
        if (_simulator is not null)
        {
            IsCut = true;
            await _simulator.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Brings the link back on the same port, with the library's state as it was.</summary>
    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        if (_simulator is not null && IsCut)
        {
            await _simulator.StartAsync(cancellationToken).ConfigureAwait(false);
            IsCut = false;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_simulator is not null)
        {
            await _simulator.StopAsync(cancellationToken).ConfigureAwait(false);
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
        [LoggerMessage(1, LogLevel.Information, "Embedded SIP2 ILS simulator listening on 127.0.0.1:{Port} with Vietnamese sample data")]
        public static partial void Started(ILogger logger, int port);
    }
}
