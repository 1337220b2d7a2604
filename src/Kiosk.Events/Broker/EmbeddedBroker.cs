using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet.Server;

namespace Kiosk.Events.Broker;

/// <summary>
/// An MQTTnet.Server broker on loopback, so that the kiosk runs with no broker installed. It listens only on 127.0.0.1
/// and asks no login: it is for one machine, never for a fleet.
/// </summary>
public sealed class EmbeddedBroker : IHostedService, IAsyncDisposable
{
    private readonly EmbeddedBrokerOptions _options;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource<int> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private MqttServer? _server;

    /// <summary>Creates the broker from validated options.</summary>
    public EmbeddedBroker(IOptions<EmbeddedBrokerOptions> options, ILogger<EmbeddedBroker> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>The port it listens on, once started.</summary>
    public int Port { get; private set; }

    /// <summary>Completes with the port once the broker listens, whatever order the hosted services start in.</summary>
    public Task<int> Started => _started.Task;

    /// <summary>Whether it is running.</summary>
    public bool IsRunning => _server?.IsStarted == true;

    /// <summary>Starts listening; the port is known when this returns. Started again after a stop, it takes the same port.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsRunning)
        {
            return;
        }

        // Again after a stop (the simulator panel cuts the broker): the same port, where the publisher looks for it.
        var wanted = Port != 0 ? Port : _options.Port;
        var port = wanted == 0 ? FreePort() : wanted;
        // A probe cannot reserve a port, so another process (or another kiosk host in the same test run) may take it
        // between probe and bind: the bind itself is the test, retried on a fresh free port a few times.
        for (var attempt = 1; ; attempt++)
        {
            var server = new MqttServerFactory().CreateMqttServer(new MqttServerOptionsBuilder()
                .WithDefaultEndpoint()
                .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
                .WithDefaultEndpointPort(port)
                .Build());
            try
            {
                await server.StartAsync().ConfigureAwait(false);
                _server = server;
                break;
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                server.Dispose();
                if ((wanted != 0 && !_options.FallBackToFreePort) || attempt == 5)
                {
                    throw new InvalidOperationException(
                        $"The embedded MQTT broker could not listen on 127.0.0.1:{port} ({exception.Message}); set Kiosk:EmbeddedBroker:Port to a free port, or 0.", exception);
                }

                var taken = port;
                port = FreePort();
                if (wanted != 0)
                {
                    Log.EmbeddedBrokerPortTaken(_logger, taken, port);
                }
            }
        }

        Port = port;
        _started.TrySetResult(port);
        Log.EmbeddedBrokerStarted(_logger, port);
    }

    /// <summary>Stops listening.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { IsStarted: true } server)
        {
            await server.StopAsync().ConfigureAwait(false);
            server.Dispose();
            _server = null;
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        _server?.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
