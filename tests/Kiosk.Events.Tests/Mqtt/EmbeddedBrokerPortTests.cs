using System.Net;
using System.Net.Sockets;
using Kiosk.Events.Broker;
using Kiosk.Events.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiosk.Events.Tests.Mqtt;

public sealed class EmbeddedBrokerPortTests
{
    [Fact]
    public async Task A_taken_port_falls_back_to_a_free_one_and_the_broker_accepts_connections_there()
    {
        var squatter = Listen(out var port);
        using var stop = new Stopper(squatter);
        await using var broker = Broker(port, fallBack: true);

        await broker.StartAsync(CancellationToken.None);

        Assert.NotEqual(port, broker.Port);
        Assert.Equal(broker.Port, await broker.Started);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, broker.Port);
        await broker.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_taken_port_without_fallback_stops_the_kiosk_naming_the_key()
    {
        var squatter = Listen(out var port);
        using var stop = new Stopper(squatter);
        await using var broker = Broker(port, fallBack: false);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => broker.StartAsync(CancellationToken.None));

        Assert.Contains("Kiosk:EmbeddedBroker:Port", error.Message, StringComparison.Ordinal);
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    private sealed class Stopper(TcpListener listener) : IDisposable
    {
        public void Dispose() => listener.Stop();
    }

    private static EmbeddedBroker Broker(int port, bool fallBack) =>
        new(Microsoft.Extensions.Options.Options.Create(new EmbeddedBrokerOptions { Enabled = true, Port = port, FallBackToFreePort = fallBack }), NullLogger<EmbeddedBroker>.Instance);

    private static TcpListener Listen(out int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, MosquittoBroker.FreePort());
        listener.Start();
        port = ((IPEndPoint)listener.LocalEndpoint).Port;
        return listener;
    }
}
