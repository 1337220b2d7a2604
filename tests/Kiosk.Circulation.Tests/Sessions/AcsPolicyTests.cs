using Kiosk.Circulation.DomainEvents;
using Kiosk.Protocols.Sip2;
using S = Kiosk.Simulators.Ils.IlsSampleData;

namespace Kiosk.Circulation.Tests.Sessions;

/// <summary>
/// The kiosk honours what the ILS's ACS Status (98) lets it do: "checkout ok", "checkin ok" and "ACS renewal policy"
/// (3M SIP2 Developers Guide v2.00, "ACS Status"). The ILS simulator reports the flags and, like Evergreen's and Koha's
/// SIP servers, does not enforce them itself: only the kiosk can keep the message from being sent.
/// </summary>
public sealed class AcsPolicyTests
{
    [Fact]
    public async Task With_checkout_not_allowed_a_loan_is_refused_without_sending_Checkout_and_the_book_stays_secured()
    {
        await using var rig = await KioskRig.StartAsync();
        rig.Ils.Simulator.AcsPolicy.CheckoutOk = false;
        await rig.SignInWithPinAsync(S.AdultPatron, S.AdultPin);
        var tags = await rig.PlaceAsync((S.AvailableBook, 1, [1]));

        var outcome = Assert.Single(await rig.Kiosk.ConfirmBorrowAsync());

        Assert.Equal((ItemOutcomeStatus.Refused, RefusalReason.LoansNotAllowed), (outcome.Status, outcome.Reason));
        Assert.Equal(0, rig.Ils.Simulator.HandledCount(Sip2Command.Checkout));
        Assert.False(rig.Library.FindItem(S.AvailableBook)!.IsOnLoan);
        Assert.True(KioskRig.IsSecured(tags[0]));
        Assert.False(rig.Kiosk.Snapshot.LoansAllowed);
        Assert.True(rig.Kiosk.Snapshot.ReturnsAllowed);
        Assert.True(rig.Kiosk.Snapshot.IlsReachable);
    }

    [Fact]
    public async Task With_checkout_not_allowed_a_patron_can_still_return_a_book()
    {
        await using var rig = await KioskRig.StartAsync();
        rig.Ils.Simulator.AcsPolicy.CheckoutOk = false;
        var tags = await rig.PlaceAsync((S.OnLoanItem, 1, [1]));

        var outcome = Assert.Single(await rig.Kiosk.ReturnAsync());

        Assert.Equal(ItemOutcomeStatus.Done, outcome.Status);
        Assert.False(rig.Library.FindItem(S.OnLoanItem)!.IsOnLoan);
        Assert.True(KioskRig.IsSecured(tags[0]));
    }

    [Fact]
    public async Task With_checkin_not_allowed_a_return_is_refused_and_neither_the_tag_nor_the_ILS_is_touched()
    {
        await using var rig = await KioskRig.StartAsync();
        rig.Ils.Simulator.AcsPolicy.CheckinOk = false;
        var tags = await rig.PlaceAsync((S.OnLoanItem, 1, [1]));

        var outcome = Assert.Single(await rig.Kiosk.ReturnAsync());

        Assert.Equal((ItemOutcomeStatus.Refused, RefusalReason.ReturnsNotAllowed), (outcome.Status, outcome.Reason));
        Assert.Equal(0, rig.Ils.Simulator.HandledCount(Sip2Command.Checkin));
        Assert.True(rig.Library.FindItem(S.OnLoanItem)!.IsOnLoan);
        Assert.False(KioskRig.IsSecured(tags[0]));
        Assert.False(rig.Kiosk.Snapshot.ReturnsAllowed);
        Assert.Empty(await rig.Queue.PendingAsync());
    }

    [Fact]
    public async Task With_renewals_not_allowed_renew_and_renew_all_are_refused_without_reaching_the_ILS()
    {
        await using var rig = await KioskRig.StartAsync();
        rig.Ils.Simulator.AcsPolicy.RenewalOk = false;
        await rig.SignInWithPinAsync(S.HolderPatron, S.HolderPin);

        var one = await rig.Kiosk.RenewAsync(S.OnLoanItem);
        var all = await rig.Kiosk.TryRenewAllAsync();

        Assert.Equal((ItemOutcomeStatus.Refused, RefusalReason.RenewalsNotAllowed), (one.Status, one.Reason));
        Assert.Equal(CirculationResultCode.RenewalsNotAllowed, all.Code);
        Assert.Equal(0, rig.Ils.Simulator.HandledCount(Sip2Command.Renew));
        Assert.Equal(0, rig.Ils.Simulator.HandledCount(Sip2Command.RenewAll));
        Assert.False(rig.Kiosk.Snapshot.RenewalsAllowed);
    }

    [Fact]
    public async Task A_heartbeat_that_brings_a_new_ACS_status_turns_loans_off_and_on_again()
    {
        await using var rig = await KioskRig.StartAsync();
        await rig.Client.MaintainAsync();
        Assert.True(rig.Kiosk.Snapshot.LoansAllowed);

        rig.Ils.Simulator.AcsPolicy.CheckoutOk = false;
        await HeartbeatAsync(rig);
        Assert.False(rig.Kiosk.Snapshot.LoansAllowed);
        var off = Assert.Single(rig.Events.OfType<IlsPermissionsChanged>());
        Assert.Equal((false, true, true), (off.LoansAllowed, off.ReturnsAllowed, off.RenewalsAllowed));

        rig.Ils.Simulator.AcsPolicy.CheckoutOk = true;
        await HeartbeatAsync(rig);
        Assert.True(rig.Kiosk.Snapshot.LoansAllowed);
        Assert.True(rig.Events.OfType<IlsPermissionsChanged>()[^1].LoansAllowed);

        // And a loan goes through again.
        await rig.SignInWithPinAsync(S.AdultPatron, S.AdultPin);
        await rig.PlaceAsync((S.AvailableBook, 1, [1]));
        Assert.Equal(ItemOutcomeStatus.Done, Assert.Single(await rig.Kiosk.ConfirmBorrowAsync()).Status);
    }

    /// <summary>Moves the kiosk's clock past the heartbeat interval and runs the client's upkeep: SC Status on idle connections.</summary>
    private static async Task HeartbeatAsync(KioskRig rig)
    {
        rig.Time.Advance(new Kiosk.Ils.Sip2ClientOptions().HeartbeatInterval);
        await rig.Client.MaintainAsync();
    }
}
