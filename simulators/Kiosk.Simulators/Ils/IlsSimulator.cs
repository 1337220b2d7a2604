using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Kiosk.Protocols.Sip2;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiosk.Simulators.Ils;

/// <summary>
/// A SIP2 2.00 server, the ACS side, over TCP (optionally TLS) on loopback, backed by an in-memory Vietnamese library.
/// Each connection is independent and served asynchronously. Tests seed and inspect <see cref="Library"/> and switch
/// <see cref="Faults"/> while it runs; <c>kiosk-sim ils</c> runs it standalone.
/// </summary>
public sealed class IlsSimulator : IAsyncDisposable
{
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly Sip2CodecOptions _codec;
    private readonly IlsRequestHandler _handler;
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<int, Task> _connections = new();
    private readonly IlsLoginSessions _sessions = new();
    private Socket? _listener;
    private CancellationTokenSource? _stopping;
    private Task? _acceptLoop;
    private IPEndPoint? _endPoint;
    private int _connectionsAccepted;

    /// <summary>Builds a simulator; nothing listens until <see cref="StartAsync(CancellationToken)"/>.</summary>
    /// <exception cref="ArgumentException">An option is invalid; the message names it and the accepted values.</exception>
    public IlsSimulator(IlsSimulatorOptions options, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new IlsSimulatorOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new ArgumentException("ILS simulator options are invalid: " + validation.FailureMessage, nameof(options));
        }

        if (!IPAddress.TryParse(options.Host, out _))
        {
            throw new ArgumentException($"ILS simulator host '{options.Host}' is not an IP address; use 127.0.0.1, ::1 or 0.0.0.0.", nameof(options));
        }

        Options = options;
        _logger = logger ?? NullLogger.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _codec = new Sip2CodecOptions
        {
            Encoding = Sip2Charset.Get(options.Charset),
            Terminator = options.Terminator,
            ErrorDetection = options.ErrorDetection,
        };
        Library = new IlsLibrary(_timeProvider);
        if (options.SeedSampleData)
        {
            IlsSampleData.Seed(Library);
        }

        _handler = new IlsRequestHandler(Library, options, AcsPolicy, _logger);
    }

    /// <summary>The options this simulator was built with.</summary>
    public IlsSimulatorOptions Options { get; }

    /// <summary>The library behind the simulator: seed it and inspect it from tests.</summary>
    public IlsLibrary Library { get; }

    /// <summary>Faults to inject, switchable while the simulator runs.</summary>
    public IlsFaults Faults { get; } = new();

    /// <summary>What ACS Status (98) says the SC may do, switchable while the simulator runs.</summary>
    public IlsAcsPolicy AcsPolicy { get; } = new();

    /// <summary>The address and port the simulator listens on.</summary>
    /// <exception cref="InvalidOperationException">The simulator is not listening.</exception>
    public IPEndPoint EndPoint => _endPoint ?? throw new InvalidOperationException("The ILS simulator is not listening; call StartAsync first.");

    /// <summary>The bound port (the ephemeral one when <see cref="IlsSimulatorOptions.Port"/> is 0).</summary>
    public int Port => EndPoint.Port;

    /// <summary>How many connections are open now.</summary>
    public int OpenConnections => _connections.Count;

    /// <summary>How many connections have been accepted since the start.</summary>
    public int ConnectionsAccepted => Volatile.Read(ref _connectionsAccepted);

    /// <summary>How many requests with this command the simulator acted on; a retransmission answered from memory does not count.</summary>
    public int HandledCount(string command) => _handler.HandledCount(command);

    /// <summary>The status code of the last SC Status (99) the kiosk sent, or null before the first.</summary>
    public Sip2ScStatusCode? LastScStatus => _handler.LastScStatus;

    /// <summary>How many connections ended because the simulator itself failed while handling a request.</summary>
    public int HandlerCrashes => Volatile.Read(ref _handler.CrashCount);

    /// <summary>Binds and starts accepting connections.</summary>
    /// <exception cref="InvalidOperationException">The simulator is already listening.</exception>
    /// <exception cref="IOException">The address or port cannot be bound.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var address = IPAddress.Parse(Options.Host);
        var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(new IPEndPoint(address, Options.Port));
            listener.Listen(128);
        }
        catch (SocketException ex)
        {
            listener.Dispose();
            throw new IOException(
                $"ILS simulator cannot listen on {address}:{Options.Port} ({ex.SocketErrorCode}); choose another port, or 0 for any free port.", ex);
        }

        return StartAsync(listener, cancellationToken);
    }

    /// <summary>
    /// Starts accepting on a socket that already listens, handed over by whoever chose its port (so that no other program
    /// can take the port between choosing it and listening on it). A later start after <see cref="StopAsync"/> listens
    /// on the same port again.
    /// </summary>
    /// <exception cref="InvalidOperationException">The simulator is already listening.</exception>
    public Task StartAsync(Socket listening, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(listening);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_listener is not null)
            {
                listening.Dispose();
                throw new InvalidOperationException($"The ILS simulator already listens on {_endPoint}; stop it before starting it again.");
            }

            var listener = listening;
            Options.Port = ((IPEndPoint)listener.LocalEndPoint!).Port;
            _listener = listener;
            _endPoint = (IPEndPoint)listener.LocalEndPoint!;
            _stopping = new CancellationTokenSource();
            _acceptLoop = AcceptAsync(listener, _stopping.Token);
        }

        Log.Started(_logger, _endPoint.ToString(), _codec.Encoding.WebName, Options.Certificate is not null, _codec.ErrorDetection);
        return Task.CompletedTask;
    }

    /// <summary>Stops listening and closes every connection.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        Socket? listener;
        CancellationTokenSource? stopping;
        Task? acceptLoop;
        lock (_gate)
        {
            (listener, stopping, acceptLoop) = (_listener, _stopping, _acceptLoop);
            (_listener, _stopping, _acceptLoop, _endPoint) = (null, null, null, null);
        }

        if (listener is null || stopping is null || acceptLoop is null)
        {
            return;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        listener.Dispose();
        await acceptLoop.WaitAsync(cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(_connections.Values).WaitAsync(cancellationToken).ConfigureAwait(false);
        stopping.Dispose();
        Log.Stopped(_logger);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task AcceptAsync(Socket listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                // A persistent failure (say, out of file descriptors) must not spin a core: pause before trying again.
                Log.AcceptFailed(_logger, ex);
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100), _timeProvider, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            socket.NoDelay = true;
            var id = Interlocked.Increment(ref _connectionsAccepted);
            var connection = new IlsConnection(id, socket, Options, _codec, _handler, Faults, _sessions, _logger, _timeProvider);
            var run = Task.Run(() => connection.RunAsync(cancellationToken), CancellationToken.None);
            _connections[id] = run;

            // Registered after the add, so a connection that ends at once is still removed.
            _ = run.ContinueWith(_ => _connections.TryRemove(id, out Task? _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }
}
