using Kiosk.Circulation.DomainEvents;
using Kiosk.Circulation.Availability;
using Kiosk.Circulation.Sessions;
using Kiosk.Storage;
using S = Kiosk.Simulators.Ils.IlsSampleData;

namespace Kiosk.Circulation.Tests.Sessions;

/// <summary>The kiosk with the ILS cut and restored: queued loans and returns, replay in order, conflicts, durability.</summary>
public sealed class OfflineTests
{
    [Fact]
    public async Task An_offline_loan_is_queued_with_its_security_off_and_replayed_when_the_ILS_returns()
    {
        await using var rig = await KioskRig.StartAsync(CrashRecoveryTests.AllowOffline);
        var tags = await rig.PlaceAsync((S.AvailableBook, 1, [1]));
        await rig.CutIlsAsync();

        var signIn = await rig.Kiosk.SignInAsync(S.AdultPatron, SignInMethod.Barcode);
        Assert.Equal(SignInStatus.SignedIn, signIn.Status);
        Assert.True(signIn.Offline);
        Assert.False(rig.Kiosk.Snapshot.IlsReachable);
        Assert.Single(rig.Events.OfType<OfflineEntered>());

        var outcome = Assert.Single(await rig.Kiosk.ConfirmBorrowAsync());
        Assert.Equal(ItemOutcomeStatus.Done, outcome.Status);
        Assert.True(outcome.Offline);
        Assert.False(KioskRig.IsSecured(tags[0]));
        Assert.False(rig.Library.FindItem(S.AvailableBook)!.IsOnLoan);
        Assert.Single(await rig.Queue.PendingAsync());

        await rig.RestoreIlsAsync();
        await KioskRig.WaitUntilAsync(() => rig.Events.OfType<OfflineTransactionReplayed>().Any(), "the queued loan to be replayed");

        Assert.Equal(S.AdultPatron, rig.Library.FindItem(S.AvailableBook)!.BorrowerIdentifier);
        Assert.Empty(await rig.Queue.PendingAsync());
        Assert.Single(rig.Events.OfType<OfflineLeft>());
        rig.AssertNothingLeaks(S.AdultPatron);
    }

    [Fact]
    public async Task Offline_a_card_of_an_unknown_format_is_refused_and_loans_stop_at_the_limit()
    {
        await using var rig = await KioskRig.StartAsync(CrashRecoveryTests.AllowOffline);
        await rig.PlaceAsync((S.AvailableBook, 1, [1]), (S.SecondAvailableBook, 1, [1]), (S.ThirdAvailableBook, 1, [1]));
        await rig.CutIlsAsync();

        var stranger = await rig.Kiosk.SignInAsync("X-12", SignInMethod.Typed);
        Assert.Equal(RefusalReason.UnknownCardFormat, stranger.Reason);

        await rig.Kiosk.SignInAsync(S.AdultPatron, SignInMethod.Barcode);
        var outcomes = await rig.Kiosk.ConfirmBorrowAsync();

        Assert.Equal(2, outcomes.Count(o => o.Status == ItemOutcomeStatus.Done));
        Assert.Equal(RefusalReason.OfflineLimitReached, Assert.Single(outcomes, o => o.Status == ItemOutcomeStatus.Refused).Reason);
        Assert.Equal(2, (await rig.Queue.PendingAsync()).Count);
    }

    [Fact]
    public async Task Offline_loans_are_refused_when_the_site_does_not_allow_them()
    {
        await using var rig = await KioskRig.StartAsync();
        await rig.CutIlsAsync();

        var result = await rig.Kiosk.SignInAsync(S.AdultPatron, SignInMethod.Barcode);

        Assert.Equal(SignInStatus.Refused, result.Status);
        Assert.Equal(RefusalReason.IlsUnreachable, result.Reason);
        Assert.False(rig.Kiosk.Snapshot.OfflineLoansAllowed);
    }

    [Fact]
    public async Task An_offline_return_secures_the_book_first_and_the_queue_survives_a_restart_and_replays_in_order()
    {
        await using var rig = await KioskRig.StartAsync();
        rig.Library.UpdateItem(S.AvailableBook, item => item with { BorrowerIdentifier = S.AdultPatron, DueDate = DateTimeOffset.Now.AddDays(3) });
        rig.Library.UpdateItem(S.SecondAvailableBook, item => item with { BorrowerIdentifier = S.AdultPatron, DueDate = DateTimeOffset.Now.AddDays(3) });
        var tags = await rig.PlaceAsync((S.AvailableBook, 1, [1]), (S.SecondAvailableBook, 1, [1]));
        await rig.CutIlsAsync();

        var outcomes = await rig.Kiosk.ReturnAsync();

        Assert.All(outcomes, o => Assert.True(o.Offline));
        Assert.All(tags, tag => Assert.True(KioskRig.IsSecured(tag)));

        // A restart: a new store on the same file still holds both returns, in the order they were taken.
        var reopened = new SqliteOfflineTransactionStore(new SqliteDatabase(rig.DatabasePath));
        var pending = await reopened.PendingAsync();
        Assert.Equal(2, pending.Count);
        Assert.All(pending, t => Assert.Equal(OfflineTransactionKind.Checkin, t.Kind));
        Assert.True(pending[0].Id < pending[1].Id);

        rig.Kiosk.Dispose();
        await rig.RestartIlsAsync();
        var restarted = rig.NewKiosk();
        await restarted.RecoverAsync();
        await rig.WaitForReplayAsync();

        Assert.False(rig.Library.FindItem(S.AvailableBook)!.IsOnLoan);
        Assert.False(rig.Library.FindItem(S.SecondAvailableBook)!.IsOnLoan);
        Assert.Empty(await reopened.PendingAsync());
    }

    [Fact]
    public async Task An_offline_loan_of_an_item_lent_to_someone_else_meanwhile_becomes_a_conflict_for_staff()
    {
        await using var rig = await KioskRig.StartAsync(CrashRecoveryTests.AllowOffline);
        await rig.PlaceAsync((S.AvailableBook, 1, [1]));
        await rig.CutIlsAsync();
        await rig.Kiosk.SignInAsync(S.AdultPatron, SignInMethod.Barcode);
        Assert.True(Assert.Single(await rig.Kiosk.ConfirmBorrowAsync()).Succeeded);

        // Meanwhile, at the desk, staff lent the same copy to another patron.
        rig.Library.UpdateItem(S.AvailableBook, item => item with { BorrowerIdentifier = S.HolderPatron, DueDate = DateTimeOffset.Now.AddDays(14) });
        await rig.RestoreIlsAsync();
        await KioskRig.WaitUntilAsync(() => rig.Events.OfType<OfflineTransactionConflict>().Any(), "the conflict");

        var conflict = Assert.Single(rig.Events.OfType<OfflineTransactionConflict>());
        Assert.Equal(OfflineConflictReason.ItemOnLoanToSomeoneElse, conflict.Reason);
        Assert.Equal(S.HolderPatron, rig.Library.FindItem(S.AvailableBook)!.BorrowerIdentifier);
        var staff = await rig.Kiosk.StaffListAsync();
        Assert.Equal(S.AvailableBook, Assert.Single(staff.OfflineConflicts).ItemId);

        // Staff look at the item in the ILS and tap "dealt with": it leaves the list, once.
        var id = staff.OfflineConflicts[0].Id;
        Assert.True(await rig.Kiosk.ResolveOfflineConflictAsync(id));
        Assert.False(await rig.Kiosk.ResolveOfflineConflictAsync(id));
        Assert.Empty((await rig.Kiosk.StaffListAsync()).OfflineConflicts);
        var resolved = Assert.Single(rig.Events.OfType<OfflineConflictResolved>());
        Assert.Equal((id, S.AvailableBook, OfflineConflictReason.ItemOnLoanToSomeoneElse), (resolved.TransactionId, resolved.ItemId, resolved.Reason));
    }

    [Fact]
    public async Task An_offline_loan_of_a_patron_blocked_meanwhile_is_replayed_and_listed_for_staff()
    {
        await using var rig = await KioskRig.StartAsync(CrashRecoveryTests.AllowOffline);
        await rig.PlaceAsync((S.AvailableBook, 1, [1]));
        await rig.CutIlsAsync();
        await rig.Kiosk.SignInAsync(S.AdultPatron, SignInMethod.Barcode);
        Assert.True(Assert.Single(await rig.Kiosk.ConfirmBorrowAsync()).Succeeded);
        rig.Library.UpdatePatron(S.AdultPatron, patron => patron with { Blocks = Kiosk.Protocols.Sip2.Sip2PatronStatus.ChargePrivilegesDenied });

        await rig.RestoreIlsAsync();
        await KioskRig.WaitUntilAsync(() => rig.Events.OfType<OfflineTransactionConflict>().Any(), "the conflict");

        Assert.Equal(OfflineConflictReason.PatronBlocked, Assert.Single(rig.Events.OfType<OfflineTransactionConflict>()).Reason);
        Assert.Equal(S.AdultPatron, rig.Library.FindItem(S.AvailableBook)!.BorrowerIdentifier);
    }
}
