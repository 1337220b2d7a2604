using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Kiosk.Events.Broker;

/// <summary>
/// An MQTTnet.Server broker, so that the kiosk runs with no broker installed. By default it listens only on loopback
/// (127.0.0.1 and ::1); bound beyond loopback it requires a login (see <see cref="EmbeddedBrokerBindingValidator"/>).
/// It is for one machine or a bench, never for a fleet.
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

    /// <summary>The login its own publisher gives, or null when the broker asks none.</summary>
    internal (string Username, string Password)? Login =>
        string.IsNullOrEmpty(_options.Username) ? null : (_options.Username, _options.Password ?? string.Empty);

    /// <summary>The address its own publisher connects to: loopback when bound there or to every address, else the one bound.</summary>
    internal string ClientHost => EmbeddedBrokerEndpoints.ClientHost(_options.BindAddress);

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
        var (v4, v6) = EmbeddedBrokerEndpoints.Resolve(_options.BindAddress);
        for (var attempt = 1; ; attempt++)
        {
            var server = new MqttServerFactory().CreateMqttServer(new MqttServerOptionsBuilder()
                .WithDefaultEndpoint()
                .WithDefaultEndpointBoundIPAddress(v4)
                .WithDefaultEndpointBoundIPV6Address(v6)
                .WithDefaultEndpointPort(port)
                .Build());
            if (Login is not null)
            {
                server.ValidatingConnectionAsync += ValidateLoginAsync;
            }

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
                        $"The embedded MQTT broker could not listen on port {port} ({BindDescription}) ({exception.Message}); set Kiosk:EmbeddedBroker:Port to a free port, or 0.", exception);
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
        Log.EmbeddedBrokerStarted(_logger, BindDescription, port, Login is not null);
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

    private string BindDescription => string.IsNullOrEmpty(_options.BindAddress) ? "127.0.0.1 and ::1" : _options.BindAddress;

    private Task ValidateLoginAsync(ValidatingConnectionEventArgs connection)
    {
        // Compared in constant time, both fields at once, so a guess learns nothing from how long the refusal took.
        var (username, password) = Login!.Value;
        var userMatches = FixedTimeEquals(connection.UserName, username);
        var passwordMatches = FixedTimeEquals(connection.Password, password);
        if (!(userMatches & passwordMatches))
        {
            connection.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            Log.EmbeddedBrokerLoginRefused(_logger, connection.ClientId);
        }

        return Task.CompletedTask;
    }

    private static bool FixedTimeEquals(string? given, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given ?? string.Empty)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
