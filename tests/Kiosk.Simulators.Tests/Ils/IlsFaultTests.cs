using System.Diagnostics;
using Kiosk.Protocols.Sip2;
using Kiosk.Protocols.Sip2.Messages;
using Kiosk.Simulators.Ils;
using static Kiosk.Simulators.Tests.Ils.IlsTestHarness;
using S = Kiosk.Simulators.Ils.IlsSampleData;

namespace Kiosk.Simulators.Tests.Ils;

public sealed class IlsFaultTests
{
    [Fact]
    public async Task Latency_delays_the_answer_by_at_least_the_configured_time()
    {
        await using var simulator = await StartAsync(TimeProvider.System);
        await using var client = await ConnectAndLoginAsync(simulator);
        simulator.Faults.SetLatency(TimeSpan.FromMilliseconds(300));

        var watch = Stopwatch.StartNew();
        await client.ExchangeAsync<AcsStatusResponse>(new ScStatusRequest());

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(290), $"answered after {watch.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Latency_limited_to_one_command_leaves_the_others_alone()
    {
        await using var simulator = await StartAsync(TimeProvider.System);
        await using var client = await ConnectAndLoginAsync(simulator);
        simulator.Faults.SetLatency(TimeSpan.FromSeconds(10), Sip2Command.Checkout);

        var watch = Stopwatch.StartNew();
        await client.ExchangeAsync<AcsStatusResponse>(new ScStatusRequest());

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"answered after {watch.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_drop_before_applying_closes_the_connection_and_leaves_the_library_unchanged()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);
        simulator.Faults.DropConnection(1, IlsDropMode.BeforeApplying, Sip2Command.Checkout);

        await client.SendAsync(Checkout(S.AdultPatron, S.AvailableBook));

        Assert.Empty(await client.ReadUntilClosedAsync());
        Assert.False(simulator.Library.FindItem(S.AvailableBook)!.IsOnLoan);
        Assert.Equal(1, simulator.Faults.InjectedCount);
    }

    [Fact]
    public async Task A_drop_after_applying_closes_the_connection_although_the_checkout_happened()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);
        simulator.Faults.DropConnection(1, IlsDropMode.AfterApplying);

        await client.SendAsync(Checkout(S.AdultPatron, S.AvailableBook));

        Assert.Empty(await client.ReadUntilClosedAsync());
        Assert.Equal(S.AdultPatron, simulator.Library.FindItem(S.AvailableBook)!.BorrowerIdentifier);
    }

    [Fact]
    public async Task A_blind_resend_after_a_drop_after_applying_shows_up_as_a_renewal()
    {
        await using var simulator = await StartAsync();
        await using (var first = await ConnectAndLoginAsync(simulator))
        {
            simulator.Faults.DropConnection(1, IlsDropMode.AfterApplying, Sip2Command.Checkout);
            await first.SendAsync(Checkout(S.AdultPatron, S.AvailableBook));
            await first.ReadUntilClosedAsync();
        }

        await using var second = await ConnectAndLoginAsync(simulator);
        var resent = await second.ExchangeAsync<CheckoutResponse>(Checkout(S.AdultPatron, S.AvailableBook));

        Assert.True(resent.RenewalOk);
        Assert.Equal(1, simulator.Library.FindItem(S.AvailableBook)!.RenewalCount);
    }

    [Fact]
    public async Task Drops_hit_only_the_filtered_command_and_only_the_next_n_requests()
    {
        await using var simulator = await StartAsync();
        simulator.Faults.DropConnection(2, IlsDropMode.BeforeApplying, Sip2Command.Checkout);

        for (var attempt = 0; attempt < 2; attempt++)
        {
            await using var dropped = await ConnectAndLoginAsync(simulator);
            Assert.True((await dropped.ExchangeAsync<AcsStatusResponse>(new ScStatusRequest())).OnlineStatus);
            await dropped.SendAsync(Checkout(S.AdultPatron, S.AvailableBook));
            Assert.Empty(await dropped.ReadUntilClosedAsync());
        }

        await using var client = await ConnectAndLoginAsync(simulator);
        Assert.True((await client.ExchangeAsync<CheckoutResponse>(Checkout(S.AdultPatron, S.AvailableBook))).Ok);
    }

    [Fact]
    public async Task A_corrupted_checksum_is_detected_and_request_acs_resend_gets_a_clean_copy()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);
        simulator.Faults.CorruptChecksums(1);

        await client.SendAsync(new ScStatusRequest(), 2);
        var corrupted = await client.ReceiveAsync();
        await client.SendAsync(new RequestAcsResend());
        var clean = await client.ReceiveAsync();

        Assert.Equal(Sip2ChecksumStatus.Invalid, corrupted.Checksum);
        Assert.Equal(Sip2ChecksumStatus.Valid, clean.Checksum);
        Assert.IsType<AcsStatusResponse>(clean.Message);
        Assert.Equal(2, clean.SequenceNumber);
        Assert.Equal(corrupted.Frame.Span[..^4].ToArray(), clean.Frame.Span[..^4].ToArray());
    }

    [Fact]
    public async Task Refused_logins_fault_refuses_valid_credentials_until_switched_off()
    {
        await using var simulator = await StartAsync();
        await using var client = await Sip2TestClient.ConnectAsync(simulator.EndPoint);
        var login = new LoginRequest { UserId = "kiosk", Password = "kiosk-password" };

        simulator.Faults.RefuseLogins = true;
        var refused = await client.ExchangeAsync<LoginResponse>(login);
        simulator.Faults.RefuseLogins = false;
        var accepted = await client.ExchangeAsync<LoginResponse>(login);

        Assert.False(refused.Ok);
        Assert.True(accepted.Ok);
    }

    [Fact]
    public async Task A_half_written_answer_sends_part_of_the_response_without_its_terminator_then_closes()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);
        simulator.Faults.HalfWrite(1, Sip2Command.ScStatus);

        await client.SendAsync(new ScStatusRequest());
        var partial = await client.ReadUntilClosedAsync();

        Assert.NotEmpty(partial);
        Assert.Equal((byte)'9', partial[0]);
        Assert.DoesNotContain((byte)'\r', partial);
    }

    [Fact]
    public async Task Clearing_the_faults_switches_every_one_off()
    {
        await using var simulator = await StartAsync();
        simulator.Faults.DropConnection(5, IlsDropMode.BeforeApplying);
        simulator.Faults.CorruptChecksums(5);
        simulator.Faults.HalfWrite(5);
        simulator.Faults.RefuseLogins = true;

        simulator.Faults.Clear();
        await using var client = await ConnectAndLoginAsync(simulator);
        var response = await client.ExchangeAsync<AcsStatusResponse>(new ScStatusRequest());

        Assert.True(response.OnlineStatus);
        Assert.Equal(0, simulator.Faults.InjectedCount);
    }
}
