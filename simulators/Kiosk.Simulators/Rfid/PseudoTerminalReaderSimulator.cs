using Kiosk.Simulators.Pty;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiosk.Simulators.Rfid;

/// <summary>
/// A reader simulator on a real pseudo-terminal: the driver opens <see cref="PortPath"/> as it would /dev/ttyUSB0,
/// and the protocol <see cref="Responder"/> answers on the pty's master side. It can be unplugged (the port vanishes:
/// the driver's port hangs up and the path disappears) and plugged back in at the same link path.
/// </summary>
public abstract class PseudoTerminalReaderSimulator : IAsyncDisposable
{
    private readonly string? _linkPath;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private bool _unplugging;
    private PseudoTerminal? _terminal;
    private CancellationTokenSource? _running;
    private Task _loop = Task.CompletedTask;

    private protected PseudoTerminalReaderSimulator(ReaderResponder responder, string? linkPath, TimeProvider? timeProvider, ILogger? logger)
    {
        Responder = responder;
        _linkPath = linkPath;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The protocol side: decodes requests, answers them, keeps the time floor.</summary>
    public ReaderResponder Responder { get; }

    /// <summary>The tags in front of the reader.</summary>
    public RfidField Field => Responder.Field;

    /// <summary>Faults to inject while the simulator runs.</summary>
    public ReaderFaults Faults => Responder.Faults;

    /// <summary>The radio and serial time modelled so far.</summary>
    public ReaderTimeFloor Floor => Responder.Floor;

    /// <summary>Whether the simulated reader is plugged in.</summary>
    public bool IsPluggedIn
    {
        get { lock (_gate) { return _unplugging || _terminal is { IsOpen: true }; } }
    }

    /// <summary>The pty, for tests that inspect the line settings the driver applied.</summary>
    /// <exception cref="InvalidOperationException">The reader is unplugged.</exception>
    public PseudoTerminal Terminal
    {
        get
        {
            lock (_gate)
            {
                return _terminal is { IsOpen: true } terminal
                    ? terminal
                    : throw new InvalidOperationException($"The simulated {Responder.ReaderName} reader is unplugged; call Plug first.");
            }
        }
    }

    /// <summary>The path a driver opens: the link when configured, else the pty's slave (which changes on each plug).</summary>
    public string PortPath => Terminal.PortPath;

    /// <summary>The pty's slave device, such as /dev/pts/5.</summary>
    public string SlavePath => Terminal.SlavePath;

    /// <summary>Plugs the reader in: opens a pty (pointing the link at it) and starts answering on it.</summary>
    /// <exception cref="InvalidOperationException">It is plugged in already.</exception>
    /// <exception cref="IOException">The kernel refused a pty, or the link path is a regular file.</exception>
    public void Plug()
    {
        lock (_gate)
        {
            if (_terminal is { IsOpen: true })
            {
                throw new InvalidOperationException($"The simulated {Responder.ReaderName} reader is already plugged in at {_terminal.PortPath}.");
            }

            var terminal = PseudoTerminal.Open(_linkPath);
            var running = new CancellationTokenSource();
            _terminal = terminal;
            _running = running;
            _loop = Task.Run(() => Responder.RunAsync(terminal.Stream, running.Token), CancellationToken.None);
            Log.Plugged(_logger, Responder.ReaderName, terminal.PortPath, terminal.SlavePath);
        }
    }

    /// <summary>Unplugs the reader: the pty closes, the driver's port hangs up, the path disappears.</summary>
    public async Task UnplugAsync()
    {
        PseudoTerminal? terminal;
        CancellationTokenSource? running;
        Task loop;
        lock (_gate)
        {
            (terminal, running, loop) = (_terminal, _running, _loop);
            if (terminal is null || running is null)
            {
                return;
            }

            _unplugging = true;
        }

        // Observers see the reader unplugged only once the pty is closed and its link removed, as with a real unplug.
        await running.CancelAsync().ConfigureAwait(false);
        terminal.Dispose();
        lock (_gate)
        {
            (_terminal, _running, _loop) = (null, null, Task.CompletedTask);
            _unplugging = false;
        }

        await loop.ConfigureAwait(false);
        running.Dispose();
        Log.Unplugged(_logger, Responder.ReaderName, terminal.PortPath);
    }

    /// <summary>
    /// The port vanishes for <paramref name="downtime"/> on the simulator's clock, then comes back at the same link
    /// path (a USB reader unplugged and plugged in again).
    /// </summary>
    public async Task VanishAsync(TimeSpan downtime, CancellationToken cancellationToken = default)
    {
        // The downtime starts now, before the unplug completes, so a test that moves the clock as soon as it sees the
        // port gone cannot move it before the timer exists.
        var downtimeOver = Task.Delay(downtime, _timeProvider, cancellationToken);
        await UnplugAsync().ConfigureAwait(false);
        await downtimeOver.ConfigureAwait(false);
        Plug();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await UnplugAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }
}
