using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Kiosk.Events.Broker;
using Kiosk.Events.Mqtt;
using Kiosk.Events.Tests.Support;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Adapter;

namespace Kiosk.Events.Tests.Mqtt;

/// <summary>Where the embedded broker listens and whom it lets in, checked with a real MQTT client.</summary>
public sealed class EmbeddedBrokerBindingTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task By_default_the_broker_listens_on_both_loopbacks_and_nowhere_else()
    {
        await using var kiosk = await StartAsync();
        var port = await kiosk.Get<EmbeddedBroker>().Started;

        Assert.Equal(MqttClientConnectResultCode.Success, await ConnectAsync("127.0.0.1", port));
        Assert.Equal(MqttClientConnectResultCode.Success, await ConnectAsync("::1", port));
        // MQTTnet's IPv6 listener defaults to [::]; every socket listening on the port must be a loopback one.
        var listening = IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners().Where(endpoint => endpoint.Port == port).ToArray();
        Assert.Equal(2, listening.Length);
        Assert.All(listening, endpoint => Assert.True(IPAddress.IsLoopback(endpoint.Address), $"listening on {endpoint}"));
        if (LanAddress() is { } lan)
        {
            var refused = await Assert.ThrowsAsync<SocketException>(() => TcpConnectAsync(lan, port));
            Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        }
    }

    [Theory]
    [InlineData("0.0.0.0", null, null)]
    [InlineData("::", "kiosk", null)]
    public async Task A_broker_bound_beyond_loopback_without_a_login_refuses_to_start_naming_the_key(string bind, string? username, string? password)
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new()
        {
            ["Kiosk:EmbeddedBroker:BindAddress"] = bind,
            ["Kiosk:EmbeddedBroker:Username"] = username,
            ["Kiosk:EmbeddedBroker:Password"] = password,
        }));

        Assert.Contains(refused.Failures, failure => failure.Contains("Kiosk:EmbeddedBroker:BindAddress", StringComparison.Ordinal)
            && failure.Contains("Kiosk__EmbeddedBroker__Password", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_configured_login_is_required_of_every_client_and_the_kiosk_gives_it_itself()
    {
        await using var kiosk = await StartAsync(new()
        {
            ["Kiosk:EmbeddedBroker:Username"] = "central",
            ["Kiosk:EmbeddedBroker:Password"] = "s3cret-enough",
        });
        var port = await kiosk.Get<EmbeddedBroker>().Started;

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, await ConnectAsync("127.0.0.1", port));
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, await ConnectAsync("127.0.0.1", port, "central", "guess"));
        Assert.Equal(MqttClientConnectResultCode.Success, await ConnectAsync("127.0.0.1", port, "central", "s3cret-enough"));
        await EmbeddedBrokerTests.WaitUntilAsync(() => kiosk.Get<KioskEventsStatus>().State == BrokerLinkState.Connected);
    }

    [Fact]
    public async Task A_broker_bound_to_every_address_with_a_login_is_reached_from_the_network_only_with_that_login()
    {
        await using var kiosk = await StartAsync(new()
        {
            ["Kiosk:EmbeddedBroker:BindAddress"] = "0.0.0.0",
            ["Kiosk:EmbeddedBroker:Username"] = "central",
            ["Kiosk:EmbeddedBroker:Password"] = "s3cret-enough",
        });
        var port = await kiosk.Get<EmbeddedBroker>().Started;
        var host = LanAddress()?.ToString() ?? "127.0.0.1";

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, await ConnectAsync(host, port));
        Assert.Equal(MqttClientConnectResultCode.Success, await ConnectAsync(host, port, "central", "s3cret-enough"));
        await EmbeddedBrokerTests.WaitUntilAsync(() => kiosk.Get<KioskEventsStatus>().State == BrokerLinkState.Connected);
    }

    private static Task<EventsHost> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Kiosk:EmbeddedBroker:Enabled"] = "true",
            ["Kiosk:EmbeddedBroker:Port"] = "0",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return EventsHost.StartAsync(all);
    }

    private static async Task<MqttClientConnectResultCode> ConnectAsync(string host, int port, string? username = null, string? password = null)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder().WithTcpServer(host, port).WithClientId($"test-{Guid.NewGuid():N}").WithTimeout(s_wait);
        if (username is not null)
        {
            options.WithCredentials(username, password);
        }

        try
        {
            var result = await client.ConnectAsync(options.Build());
            await client.DisconnectAsync();
            return result.ResultCode;
        }
        catch (MqttConnectingFailedException refused)
        {
            // MQTTnet names the broker's CONNACK reason code in the message (as Kioskctl's RemoteCommandClient reads it).
            return Enum.GetValues<MqttClientConnectResultCode>().First(code =>
                code != MqttClientConnectResultCode.Success && refused.Message.Contains(code.ToString(), StringComparison.Ordinal));
        }
    }

    private static async Task TcpConnectAsync(IPAddress address, int port)
    {
        using var client = new TcpClient(address.AddressFamily);
        using var timeout = new CancellationTokenSource(s_wait);
        await client.ConnectAsync(address, port, timeout.Token);
    }

    /// <summary>One of this machine's own addresses that is not loopback, or null on a machine with none.</summary>
    private static IPAddress? LanAddress() => NetworkInterface.GetAllNetworkInterfaces()
        .Where(network => network.OperationalStatus == OperationalStatus.Up && network.NetworkInterfaceType != NetworkInterfaceType.Loopback)
        .SelectMany(network => network.GetIPProperties().UnicastAddresses)
        .Select(unicast => unicast.Address)
        .FirstOrDefault(address => address.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(address));
}
