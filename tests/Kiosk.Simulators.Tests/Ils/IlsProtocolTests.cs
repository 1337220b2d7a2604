using System.Text;
using Kiosk.Protocols.Sip2;
using Kiosk.Protocols.Sip2.Messages;
using Kiosk.Simulators.Ils;
using static Kiosk.Simulators.Tests.Ils.IlsTestHarness;

namespace Kiosk.Simulators.Tests.Ils;

public sealed class IlsProtocolTests
{
    [Fact]
    public async Task Login_with_the_configured_credentials_is_accepted()
    {
        await using var simulator = await StartAsync();
        await using var client = await Sip2TestClient.ConnectAsync(simulator.EndPoint);

        var response = await client.ExchangeAsync<LoginResponse>(new LoginRequest { UserId = "kiosk", Password = "kiosk-password", Location = "Tầng 1" });

        Assert.True(response.Ok);
    }

    [Fact]
    public async Task Login_with_a_wrong_password_is_refused()
    {
        await using var simulator = await StartAsync();
        await using var client = await Sip2TestClient.ConnectAsync(simulator.EndPoint);

        var response = await client.ExchangeAsync<LoginResponse>(new LoginRequest { UserId = "kiosk", Password = "wrong" });

        Assert.False(response.Ok);
    }

    [Fact]
    public async Task Requests_before_a_successful_login_get_a_refused_login_response_and_change_nothing()
    {
        await using var simulator = await StartAsync();
        await using var client = await Sip2TestClient.ConnectAsync(simulator.EndPoint);

        var response = await client.ExchangeAsync<LoginResponse>(Checkout(IlsSampleData.AdultPatron, IlsSampleData.AvailableBook));

        Assert.False(response.Ok);
        Assert.False(simulator.Library.FindItem(IlsSampleData.AvailableBook)!.IsOnLoan);
    }

    [Fact]
    public async Task Without_login_required_requests_are_served_at_once()
    {
        await using var simulator = await StartAsync(configure: o => o.LoginRequired = false);
        await using var client = await Sip2TestClient.ConnectAsync(simulator.EndPoint);

        var response = await client.ExchangeAsync<AcsStatusResponse>(new ScStatusRequest());

        Assert.True(response.OnlineStatus);
    }

    [Fact]
    public async Task Sc_status_is_answered_with_acs_status_listing_every_supported_message()
    {
        await using var simulator = await StartAsync(configure: o =>
        {
            o.AdvertisedTimeout = TimeSpan.FromSeconds(12.5);
            o.AdvertisedRetries = 2;
        });
        await using var client = await ConnectAndLoginAsync(simulator);

        var response = await client.ExchangeAsync<AcsStatusResponse>(new ScStatusRequest { MaxPrintWidth = 40, ProtocolVersion = "2.00" });

        Assert.True(response.OnlineStatus);
        Assert.True(response.CheckoutOk);
        Assert.True(response.CheckinOk);
        Assert.Equal(Sip2SupportedMessages.All, response.SupportedMessages);
        Assert.Equal("YYYYYYYYYYYYYYYY", response.Fields.Get(Sip2FieldId.SupportedMessages));
        Assert.Equal(125, response.TimeoutPeriod);
        Assert.Equal(2, response.RetriesAllowed);
        Assert.Equal("VN-HN-TVHN", response.InstitutionId);
        Assert.Equal("Thư viện Hà Nội", response.LibraryName);
        Assert.Equal(Start.DateTime, response.DateTimeSync.Value);
    }

    [Fact]
    public async Task Each_response_echoes_the_sequence_number_of_its_request()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);

        foreach (var sequence in new[] { 7, 3, 9 })
        {
            await client.SendAsync(new ScStatusRequest(), sequence);
            var result = await client.ReceiveAsync();
            Assert.Equal(sequence, result.SequenceNumber);
            Assert.Equal(Sip2ChecksumStatus.Valid, result.Checksum);
        }
    }

    [Fact]
    public async Task A_request_with_a_bad_checksum_is_answered_with_request_sc_resend_and_not_acted_on()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);
        var encoder = new Sip2Encoder();
        var bytes = encoder.Encode(Checkout(IlsSampleData.AdultPatron, IlsSampleData.AvailableBook), 4);
        bytes[^2] = bytes[^2] == (byte)'0' ? (byte)'1' : (byte)'0';

        await client.SendRawAsync(bytes);
        var result = await client.ReceiveAsync();

        Assert.IsType<RequestScResend>(result.Message);
        Assert.Null(result.SequenceNumber);
        Assert.Equal(Sip2ChecksumStatus.Valid, result.Checksum);
        Assert.False(simulator.Library.FindItem(IlsSampleData.AvailableBook)!.IsOnLoan);
    }

    [Fact]
    public async Task Request_acs_resend_gets_the_previous_response_byte_for_byte()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);
        await client.SendAsync(Checkout(IlsSampleData.AdultPatron, IlsSampleData.AvailableBook), 5);
        var original = await client.ReceiveAsync();

        await client.SendAsync(new RequestAcsResend());
        var resent = await client.ReceiveAsync();

        Assert.Equal(original.Frame.ToArray(), resent.Frame.ToArray());
        Assert.Equal(5, resent.SequenceNumber);
    }

    [Fact]
    public async Task Request_acs_resend_before_any_response_is_answered_with_request_sc_resend()
    {
        await using var simulator = await StartAsync(configure: o => o.LoginRequired = false);
        await using var client = await Sip2TestClient.ConnectAsync(simulator.EndPoint);

        await client.SendAsync(new RequestAcsResend());
        var result = await client.ReceiveAsync();

        Assert.IsType<RequestScResend>(result.Message);
    }

    [Fact]
    public async Task A_retransmitted_checkout_is_answered_again_without_checking_out_twice()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);
        var bytes = await client.SendAsync(Checkout(IlsSampleData.AdultPatron, IlsSampleData.AvailableBook), 6);
        var first = await client.ReceiveAsync();
        var dueAfterFirst = simulator.Library.FindItem(IlsSampleData.AvailableBook)!.DueDate;

        await client.SendRawAsync(bytes);
        var second = await client.ReceiveAsync();

        Assert.Equal(first.Frame.ToArray(), second.Frame.ToArray());
        var response = Assert.IsType<CheckoutResponse>(second.Message);
        Assert.True(response.Ok);
        Assert.False(response.RenewalOk);
        var item = simulator.Library.FindItem(IlsSampleData.AvailableBook)!;
        Assert.Equal(0, item.RenewalCount);
        Assert.Equal(dueAfterFirst, item.DueDate);
    }

    [Fact]
    public async Task The_same_checkout_with_a_new_sequence_number_is_acted_on_as_a_renewal()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);
        await client.ExchangeAsync<CheckoutResponse>(Checkout(IlsSampleData.AdultPatron, IlsSampleData.AvailableBook));

        var again = await client.ExchangeAsync<CheckoutResponse>(Checkout(IlsSampleData.AdultPatron, IlsSampleData.AvailableBook));

        Assert.True(again.Ok);
        Assert.True(again.RenewalOk);
        Assert.Equal(1, simulator.Library.FindItem(IlsSampleData.AvailableBook)!.RenewalCount);
    }

    [Fact]
    public async Task An_unknown_command_is_ignored_and_the_next_request_is_answered()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);

        await client.SendRawAsync(Encoding.ASCII.GetBytes("42hello|\r"));
        var response = await client.ExchangeAsync<AcsStatusResponse>(new ScStatusRequest());

        Assert.True(response.OnlineStatus);
    }

    [Fact]
    public async Task Connections_are_independent_and_served_concurrently()
    {
        await using var simulator = await StartAsync();
        await using var loggedIn = await ConnectAndLoginAsync(simulator);
        await using var stranger = await Sip2TestClient.ConnectAsync(simulator.EndPoint);
        var clients = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ConnectAndLoginAsync(simulator)));

        var answers = await Task.WhenAll(clients.Select(c => c.ExchangeAsync<AcsStatusResponse>(new ScStatusRequest())));
        var refused = await stranger.ExchangeAsync<LoginResponse>(new ScStatusRequest());

        Assert.All(answers, a => Assert.True(a.OnlineStatus));
        Assert.False(refused.Ok);
        Assert.True((await loggedIn.ExchangeAsync<AcsStatusResponse>(new ScStatusRequest())).OnlineStatus);
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task Crlf_terminator_and_no_error_detection_are_honoured()
    {
        await using var simulator = await StartAsync(configure: o =>
        {
            o.Terminator = Sip2Terminator.CarriageReturnLineFeed;
            o.ErrorDetection = false;
        });
        await using var client = await Sip2TestClient.ConnectAsync(simulator.EndPoint, new Sip2CodecOptions { ErrorDetection = false });

        await client.SendAsync(new LoginRequest { UserId = "kiosk", Password = "kiosk-password" });
        await client.SendAsync(new ScStatusRequest());
        var wire = Encoding.UTF8.GetString(await client.ReadRawAsync(bytes => bytes.Count(b => b == (byte)'\r') >= 2));

        var frames = wire.Split("\r\n");
        Assert.Equal(3, frames.Length);
        Assert.Equal("941", frames[0]);
        Assert.StartsWith("98", frames[1], StringComparison.Ordinal);
        Assert.DoesNotContain("|AY", frames[1], StringComparison.Ordinal);
        Assert.DoesNotContain("AZ", frames[1][^6..], StringComparison.Ordinal);
        Assert.Equal(string.Empty, frames[2]);
    }

    [Fact]
    public async Task The_port_is_ephemeral_when_zero_and_stop_closes_open_connections()
    {
        var simulator = await StartAsync();
        Assert.NotEqual(0, simulator.Port);
        await using var client = await ConnectAndLoginAsync(simulator);

        await simulator.StopAsync();

        Assert.Empty(await client.ReadUntilClosedAsync());
        Assert.Throws<InvalidOperationException>(() => simulator.EndPoint);
    }

    [Fact]
    public void Invalid_options_are_rejected_with_the_name_of_the_option()
    {
        var charset = Assert.Throws<ArgumentException>(() => new IlsSimulator(new IlsSimulatorOptions { Charset = "koi8-r" }));
        var port = Assert.Throws<ArgumentException>(() => new IlsSimulator(new IlsSimulatorOptions { Port = 70000 }));
        var host = Assert.Throws<ArgumentException>(() => new IlsSimulator(new IlsSimulatorOptions { Host = "localhost:80" }));

        Assert.Contains("koi8-r", charset.Message, StringComparison.Ordinal);
        Assert.Contains("Port", port.Message, StringComparison.Ordinal);
        Assert.Contains("localhost:80", host.Message, StringComparison.Ordinal);
    }
}
