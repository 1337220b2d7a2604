using Kiosk.Ils.Tests.Support;
using Kiosk.Protocols.Sip2;
using Kiosk.Simulators.Ils;

namespace Kiosk.Ils.Tests;

/// <summary>The client sends Fee Paid (37) only to an ACS whose BX supported-messages field says it supports it.</summary>
public sealed class Sip2SupportedMessagesTests
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Fact]
    public async Task Fee_paid_is_not_sent_to_an_ILS_whose_BX_says_it_does_not_support_it()
    {
        await using var ils = await IlsFixture.StartAsync();
        ils.Simulator.AcsPolicy.SupportedMessages = Sip2SupportedMessages.All & ~Sip2SupportedMessages.FeePaid;
        var client = ils.Client();
        var before = ils.Simulator.Library.OutstandingFinesOf(IlsSampleData.FinedPatron);

        var failure = await Assert.ThrowsAsync<Sip2Exception>(
            () => client.FeePaidAsync(IlsSampleData.FinedPatron, "50000", pin: IlsSampleData.FinedPin, cancellationToken: Timeout));

        Assert.Equal(Sip2FailureKind.NotSupported, failure.Kind);
        Assert.False(failure.RequestMayHaveBeenApplied);
        Assert.Contains("does not support Fee Paid", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, ils.Simulator.HandledCount(Sip2Command.FeePaid));
        Assert.Equal(before, ils.Simulator.Library.OutstandingFinesOf(IlsSampleData.FinedPatron));
        Assert.Equal(Sip2LinkStatus.Online, client.Status);
    }

    [Fact]
    public async Task A_new_ACS_status_that_drops_fee_paid_from_BX_stops_payments_and_is_announced()
    {
        await using var ils = await IlsFixture.StartAsync();
        var client = ils.Client(o => o.PoolSize = 1);
        var changes = 0;
        client.AcsStatusChanged += (_, _) => Interlocked.Increment(ref changes);
        var paid = await client.FeePaidAsync(IlsSampleData.FinedPatron, "10000", pin: IlsSampleData.FinedPin, cancellationToken: Timeout);
        Assert.True(paid.PaymentAccepted);
        Assert.Equal(1, changes);

        ils.Simulator.AcsPolicy.SupportedMessages = Sip2SupportedMessages.All & ~Sip2SupportedMessages.FeePaid;
        await client.ScStatusAsync(Sip2ScStatusCode.Ok, Timeout);
        var failure = await Assert.ThrowsAsync<Sip2Exception>(
            () => client.FeePaidAsync(IlsSampleData.FinedPatron, "10000", pin: IlsSampleData.FinedPin, cancellationToken: Timeout));

        Assert.Equal(Sip2FailureKind.NotSupported, failure.Kind);
        Assert.Equal(2, changes);
        Assert.Equal(1, ils.Simulator.HandledCount(Sip2Command.FeePaid));
    }
}
