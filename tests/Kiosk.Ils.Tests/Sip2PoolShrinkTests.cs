using Kiosk.Ils.Tests.Support;
using Kiosk.Protocols.Sip2;
using Kiosk.Simulators.Ils;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Ils.Tests;

/// <summary>
/// The pool against an ILS that serves one session per SIP login (the simulator's one-session-per-login fault, as
/// Evergreen's SIPServer was seen to behave): over real TCP, on a fake clock that runs the login timeout out.
/// </summary>
public sealed class Sip2PoolShrinkTests
{
    private static readonly TimeSpan LoginTimeout = TimeSpan.FromSeconds(5);

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Fact]
    public async Task A_spare_connection_the_ILS_leaves_unanswered_shrinks_the_pool_and_the_link_stays_online()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var ils = await IlsFixture.StartAsync();
        ils.Simulator.Faults.OneSessionPerLogin = true;
        var client = ils.Client(o => o.RequestTimeout = LoginTimeout, time);
        var offline = 0;
        client.StatusChanged += (_, e) => offline += e.Status == Sip2LinkStatus.Offline ? 1 : 0;

        // The default pool: ten connections, two kept open. The second one's login goes unanswered.
        await RunOutLoginTimeoutsAsync(ils, time, client.MaintainAsync(Timeout));

        Assert.Equal(1, ils.Simulator.Faults.UnansweredLogins);
        Assert.Equal(Sip2LinkStatus.Online, client.Status);
        Assert.Equal(0, offline);
        var pool = client.Pool;
        Assert.Equal((10, 1, 1), (pool.Configured, pool.Effective, pool.Open));
        Assert.Contains("Kiosk:Sip2:PoolSize and Kiosk:Sip2:KeepOpen to 1", pool.Reason, StringComparison.Ordinal);

        // Loans go through, and a burst shares the one session: no request waits for another unanswered login.
        var loan = await client.CheckoutAsync(IlsSampleData.AdultPatron, IlsSampleData.AvailableBook, IlsSampleData.AdultPin, cancellationToken: Timeout);
        Assert.True(loan.Ok);
        var items = ils.Simulator.Library.Items.Take(5).Select(i => i.Identifier).ToList();
        var answers = await Task.WhenAll(items.Select(id => client.ItemInformationAsync(id, Timeout)));
        Assert.Equal(items, answers.Select(a => a.ItemIdentifier));
        await client.MaintainAsync(Timeout);

        Assert.Equal(1, ils.Simulator.Faults.UnansweredLogins);
        Assert.Equal(1, client.OpenConnections);
        Assert.Equal(Sip2LinkStatus.Online, client.Status);
        var warnings = ils.Logs.Lines.Where(line => line.StartsWith("Warning:", StringComparison.Ordinal) && line.Contains("pool shrinks", StringComparison.Ordinal)).ToList();
        var warning = Assert.Single(warnings);
        Assert.Contains("from 10 to 1", warning, StringComparison.Ordinal);
        Assert.Contains("Kiosk:Sip2:PoolSize and Kiosk:Sip2:KeepOpen to 1", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_that_borrows_a_connection_the_ILS_will_not_log_in_is_carried_out_on_the_one_that_works()
    {
        await using var ils = await IlsFixture.StartAsync();
        ils.Simulator.Faults.OneSessionPerLogin = true;

        // On the real clock: the request goes on to an answered exchange after the login timeout, which a fake clock
        // moved on from the test's thread could cut short.
        var client = ils.Client(
            o =>
            {
                o.PoolSize = 3;
                o.RequestTimeout = TimeSpan.FromSeconds(1);
            });
        await client.ItemInformationAsync(IlsSampleData.AvailableBook, Timeout);

        // The pool hands out its connections in turn: the next request gets the second one, whose login goes unanswered.
        var answer = await client.ItemInformationAsync(IlsSampleData.SecondAvailableBook, Timeout);

        Assert.Equal(IlsSampleData.SecondAvailableBook, answer.ItemIdentifier);
        Assert.Equal(1, ils.Simulator.Faults.UnansweredLogins);
        Assert.Equal(Sip2LinkStatus.Online, client.Status);
        Assert.Equal(1, client.Pool.Effective);
    }

    [Fact]
    public async Task A_login_refused_while_another_connection_works_shrinks_the_pool_too()
    {
        await using var ils = await IlsFixture.StartAsync();
        var client = ils.Client(o => o.PoolSize = 2);
        await client.LoginAsync(Timeout);
        ils.Simulator.Faults.RefuseLogins = true;

        var answer = await client.ItemInformationAsync(IlsSampleData.AvailableBook, Timeout);

        Assert.Equal(IlsSampleData.AvailableBook, answer.ItemIdentifier);
        Assert.Equal(Sip2LinkStatus.Online, client.Status);
        Assert.Equal((2, 1), (client.Pool.Configured, client.Pool.Effective));
        Assert.Contains("refused the SIP login", client.Pool.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_upkeep_grows_a_shrunk_pool_back_once_the_retry_interval_has_passed_and_the_ILS_takes_the_login()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var ils = await IlsFixture.StartAsync();
        ils.Simulator.Faults.OneSessionPerLogin = true;
        var client = ils.Client(
            o =>
            {
                o.PoolSize = 2;
                o.RequestTimeout = LoginTimeout;
                o.PoolGrowRetryInterval = TimeSpan.FromHours(1);
            },
            time);
        await RunOutLoginTimeoutsAsync(ils, time, client.MaintainAsync(Timeout));
        Assert.Equal(1, client.Pool.Effective);

        // Before the interval nothing is tried; after it, one login, in the background.
        ils.Simulator.Faults.OneSessionPerLogin = false;
        await client.MaintainAsync(Timeout);
        Assert.Equal(1, client.Pool.Effective);
        time.Advance(TimeSpan.FromHours(1));
        await client.MaintainAsync(Timeout);

        Assert.Equal((2, 2, 2), (client.Pool.Configured, client.Pool.Effective, client.Pool.Open));
        Assert.Null(client.Pool.Reason);
        Assert.Contains(ils.Logs.Lines, line => line.Contains("the pool grows to 2 of 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_shrunk_pool_that_loses_its_last_connection_goes_offline_and_starts_again_at_its_configured_size()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var ils = await IlsFixture.StartAsync();
        ils.Simulator.Faults.OneSessionPerLogin = true;
        var client = ils.Client(o => o.RequestTimeout = LoginTimeout, time);
        await RunOutLoginTimeoutsAsync(ils, time, client.MaintainAsync(Timeout));
        Assert.Equal(1, client.Pool.Effective);

        // The ILS goes away: the one session dies, and the kiosk cannot tell any more what the ILS allows.
        await ils.Simulator.StopAsync();
        await Wait.UntilAsync(
            async () =>
            {
                await client.MaintainAsync(Timeout);
                return client.Status == Sip2LinkStatus.Offline;
            },
            "upkeep to find the ILS gone");

        Assert.Equal((10, 10, 0), (client.Pool.Configured, client.Pool.Effective, client.Pool.Open));
        Assert.Null(client.Pool.Reason);
    }

    [Fact]
    public async Task With_no_connection_working_an_unanswered_login_still_takes_the_link_offline()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var ils = await IlsFixture.StartAsync();
        ils.Simulator.Faults.OneSessionPerLogin = true;

        // Another SC holds the kiosk's login: not even the first connection gets a session.
        await using var other = new Sip2Client(ils.ClientOptions(o => o.PoolSize = 1));
        await other.LoginAsync(Timeout);
        var client = ils.Client(o => o.RequestTimeout = LoginTimeout, time);

        var failure = await Assert.ThrowsAsync<Sip2Exception>(() => RunOutLoginTimeoutsAsync(ils, time, client.LoginAsync(Timeout)));

        Assert.Equal(Sip2FailureKind.Timeout, failure.Kind);
        Assert.Equal(Sip2LinkStatus.Offline, client.Status);
        Assert.Equal(10, client.Pool.Effective);
    }

    /// <summary>
    /// Once the simulator has left a login unanswered, moves the fake clock on a login timeout at a time until
    /// <paramref name="work"/> ends. Not before: answered exchanges must never see their timeout run out. Only for work
    /// whose last exchange is the unanswered login.
    /// </summary>
    private static async Task<T> RunOutLoginTimeoutsAsync<T>(IlsFixture ils, FakeTimeProvider time, Task<T> work)
    {
        await RunOutLoginTimeoutsAsync(ils, time, (Task)work);
        return await work;
    }

    private static async Task RunOutLoginTimeoutsAsync(IlsFixture ils, FakeTimeProvider time, Task work)
    {
        await Wait.UntilAsync(
            () =>
            {
                if (!work.IsCompleted && ils.Simulator.Faults.UnansweredLogins > 0)
                {
                    time.Advance(LoginTimeout);
                }

                return work.IsCompleted;
            },
            "the unanswered logins to time out");
        await work;
    }
}
