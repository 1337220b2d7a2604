using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kiosk.Devices.Transports;

/// <summary>
/// Keeps a driver connected to its serial device: opens the port, runs the driver's session on the connection, and
/// when the port is missing, refuses, or is lost, waits (doubling from <see cref="SerialSupervisorOptions.ReconnectMinDelay"/>
/// to <see cref="SerialSupervisorOptions.ReconnectMaxDelay"/> on the injected <see cref="TimeProvider"/>) and tries
/// again, from this loop and never from an event handler.
/// </summary>
/// <remarks>
/// A driver builds one per device and calls <see cref="RunAsync"/> from its own background task:
/// <code>
/// await supervisor.RunAsync(async (connection, ct) =&gt; { /* read and write connection.Stream */ }, stoppingToken);
/// </code>
/// The session should run until its token is cancelled or the stream throws <see cref="SerialTransportException"/>.
/// </remarks>
public sealed class SerialPortSupervisor
{
    private readonly ISerialTransport _transport;
    private readonly SerialSupervisorOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private volatile SerialLinkState _state = SerialLinkState.Starting;

    /// <summary>Creates the supervisor.</summary>
    /// <param name="transport">What to open.</param>
    /// <param name="options">Reconnect delays.</param>
    /// <param name="timeProvider">Times the waits between attempts.</param>
    /// <param name="logger">Where connects and losses are logged (the first failure as a warning, repeats at debug level).</param>
    /// <exception cref="ArgumentException">The delays are out of range, or the minimum exceeds the maximum.</exception>
    public SerialPortSupervisor(ISerialTransport transport, SerialSupervisorOptions options, TimeProvider timeProvider, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ThrowIfInvalid(options);
        _transport = transport;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// Raised from the supervisor's loop on every change and every failed attempt. Handlers must return quickly and
    /// must not open, close or reconnect anything: the loop does that.
    /// </summary>
    public event EventHandler<SerialLinkStatusChangedEventArgs>? StatusChanged;

    /// <summary>The port being supervised.</summary>
    public string PortName => _transport.PortName;

    /// <summary>The link's current state.</summary>
    public SerialLinkState State => _state;

    /// <summary>
    /// Runs until <paramref name="cancellationToken"/> is cancelled: open, run <paramref name="session"/>, and on any
    /// loss wait and reopen. The session's token is cancelled when the connection faults, so a session awaiting
    /// something other than the stream ends too.
    /// </summary>
    /// <param name="session">The driver's work on one connection.</param>
    /// <param name="cancellationToken">Stops the supervisor; the current connection is closed.</param>
    public async Task RunAsync(Func<ISerialConnection, CancellationToken, Task> session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var delay = _options.ReconnectMinDelay;
        var failedAttempts = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                string reason;
                var connection = await TryOpenAsync(cancellationToken).ConfigureAwait(false);
                if (connection.Connection is { } open)
                {
                    Report(SerialLinkState.Connected, "Port opened.", retryIn: null, failedAttempts);
                    Log.LinkConnected(_logger, PortName, failedAttempts);
                    failedAttempts = 0;
                    delay = _options.ReconnectMinDelay;
                    await using (open.ConfigureAwait(false))
                    {
                        reason = await RunSessionAsync(open, session, cancellationToken).ConfigureAwait(false);
                    }

                    if (cancellationToken.IsCancellationRequested)
                    {
                        break;
                    }
                }
                else
                {
                    reason = connection.Failure!;
                }

                failedAttempts++;

                // The timer is created before the report, so an observer that acts on the report (a test advancing a
                // FakeTimeProvider) always finds the wait already scheduled.
                var wait = Task.Delay(delay, _timeProvider, cancellationToken);
                if (failedAttempts == 1)
                {
                    Log.LinkDown(_logger, PortName, reason, delay);
                }
                else
                {
                    Log.LinkStillDown(_logger, PortName, failedAttempts, reason, delay);
                }

                Report(SerialLinkState.Disconnected, reason, delay, failedAttempts);
                await wait.ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.ReconnectMaxDelay.Ticks));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is not a failure.
        }

        Report(SerialLinkState.Stopped, "Supervisor stopped.", retryIn: null, failedAttempts);
    }

    private static void ThrowIfInvalid(SerialSupervisorOptions options)
    {
        var result = new SerialSupervisorOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new ArgumentException("Serial reconnect settings are invalid: " + result.FailureMessage, nameof(options));
        }

        if (options.ReconnectMinDelay > options.ReconnectMaxDelay)
        {
            throw new ArgumentException(
                $"ReconnectMinDelay ({options.ReconnectMinDelay}) is longer than ReconnectMaxDelay ({options.ReconnectMaxDelay}); raise ReconnectMaxDelay or lower ReconnectMinDelay.",
                nameof(options));
        }
    }

    private async Task<(ISerialConnection? Connection, string? Failure)> TryOpenAsync(CancellationToken cancellationToken)
    {
        if (!_transport.IsPortPresent)
        {
            return (null, $"Serial port {PortName} does not exist (unplugged, or the simulator is not running); waiting for it to appear.");
        }

        try
        {
            return (await _transport.OpenAsync(cancellationToken).ConfigureAwait(false), null);
        }
        catch (SerialTransportException ex)
        {
            return (null, ex.Message);
        }
    }

    private async Task<string> RunSessionAsync(ISerialConnection connection, Func<ISerialConnection, CancellationToken, Task> session, CancellationToken cancellationToken)
    {
        using var sessionCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task work;
        try
        {
            work = session(connection, sessionCancellation.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            work = Task.FromException(ex);
        }

        var first = await Task.WhenAny(work, connection.Disconnected).ConfigureAwait(false);
        if (first != work)
        {
            // The connection died while the session was busy with something else; stop it before reopening.
            await sessionCancellation.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            await work.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (sessionCancellation.IsCancellationRequested)
        {
            // Expected when stopping, or after the connection faulted.
        }
        catch (SerialTransportException)
        {
            // The connection's own fault; its Disconnected result carries the reason.
        }
        catch (Exception ex)
        {
            // A bug in a driver must not stop the device for good: log it and reconnect.
            Log.SessionFailed(_logger, PortName, ex);
            return connection.Disconnected.IsCompleted
                ? (await connection.Disconnected.ConfigureAwait(false)).Message
                : $"The driver's session on {PortName} failed: {ex.Message}";
        }

        return connection.Disconnected.IsCompleted
            ? (await connection.Disconnected.ConfigureAwait(false)).Message
            : $"The driver's session on {PortName} ended; reopening.";
    }

    private void Report(SerialLinkState state, string reason, TimeSpan? retryIn, int failedAttempts)
    {
        _state = state;
        StatusChanged?.Invoke(this, new SerialLinkStatusChangedEventArgs(PortName, state, reason, retryIn, failedAttempts));
    }
}
