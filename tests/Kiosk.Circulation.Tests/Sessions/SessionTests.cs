using Kiosk.Circulation.DomainEvents;
using Kiosk.Circulation.Sessions;
using S = Kiosk.Simulators.Ils.IlsSampleData;

namespace Kiosk.Circulation.Tests.Sessions;

/// <summary>Sign-in, PIN, blocks, account, renewals and the idle timeout, on a <c>FakeTimeProvider</c> with real peers.</summary>
public sealed class SessionTests
{
    [Fact]
    public async Task A_wrong_PIN_is_refused_with_the_attempts_left_and_the_right_one_signs_in()
    {
        await using var rig = await KioskRig.StartAsync(o => o.MaxPinAttempts = 3);

        var asked = await rig.Kiosk.SignInAsync(S.AdultPatron, SignInMethod.Barcode);
        Assert.Equal(SignInStatus.PinRequired, asked.Status);
        Assert.Equal(SessionState.AwaitingPin, rig.Kiosk.Snapshot.State);

        var wrong = await rig.Kiosk.SubmitPinAsync("9999");
        Assert.Equal(SignInStatus.Refused, wrong.Status);
        Assert.Equal(RefusalReason.PinWrong, wrong.Reason);
        Assert.Equal(2, wrong.PinAttemptsLeft);
        Assert.Equal(SessionState.AwaitingPin, rig.Kiosk.Snapshot.State);

        var right = await rig.Kiosk.SubmitPinAsync(S.AdultPin);
        Assert.Equal(SignInStatus.SignedIn, right.Status);
        Assert.Equal(SessionState.Active, rig.Kiosk.Snapshot.State);
        rig.AssertNothingLeaks(S.AdultPatron, S.AdultPin, "9999");
    }

    [Fact]
    public async Task Three_wrong_PINs_end_the_attempt()
    {
        await using var rig = await KioskRig.StartAsync(o => o.MaxPinAttempts = 3);
        await rig.Kiosk.SignInAsync(S.AdultPatron, SignInMethod.Typed);

        SignInResult last = null!;
        for (var i = 0; i < 3; i++)
        {
            last = await rig.Kiosk.SubmitPinAsync("0000");
        }

        Assert.Equal(0, last.PinAttemptsLeft);
        Assert.Equal(SessionState.NoSession, rig.Kiosk.Snapshot.State);
        await Assert.ThrowsAsync<InvalidOperationException>(() => rig.Kiosk.SubmitPinAsync(S.AdultPin));
    }

    [Fact]
    public async Task A_PIN_prompt_left_unanswered_is_withdrawn_after_the_idle_time()
    {
        await using var rig = await KioskRig.StartAsync(o =>
        {
            o.IdleWarningAfter = TimeSpan.FromSeconds(60);
            o.IdleGrace = TimeSpan.FromSeconds(20);
        });
        await rig.Kiosk.SignInAsync(S.AdultPatron, SignInMethod.Barcode);

        rig.Time.Advance(TimeSpan.FromSeconds(79));
        Assert.Equal(SessionState.AwaitingPin, rig.Kiosk.Snapshot.State);
        rig.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(SessionState.NoSession, rig.Kiosk.Snapshot.State);
        await Assert.ThrowsAsync<InvalidOperationException>(() => rig.Kiosk.SubmitPinAsync(S.AdultPin));
    }

    [Fact]
    public async Task A_lost_card_is_refused_at_sign_in_and_the_block_is_named()
    {
        await using var rig = await KioskRig.StartAsync();

        var result = await rig.Kiosk.SignInAsync(S.LostCardPatron, SignInMethod.Barcode);

        Assert.Equal(SignInStatus.Refused, result.Status);
        Assert.Equal(RefusalReason.PatronBlocked, result.Reason);
        Assert.Contains(PatronBlock.CardReportedLost, result.Blocks);
        Assert.Contains(rig.Events.OfType<SignInRefused>(), e => e.Blocks.Contains(PatronBlock.CardReportedLost));
    }

    [Fact]
    public async Task A_blocked_patron_signs_in_sees_the_block_and_cannot_borrow()
    {
        await using var rig = await KioskRig.StartAsync();

        var result = await rig.SignInWithPinAsync(S.BlockedPatron, S.BlockedPin);
        Assert.Equal(SignInStatus.SignedIn, result.Status);
        Assert.Contains(PatronBlock.BorrowingDenied, result.Blocks);
        var tags = await rig.PlaceAsync((S.AvailableBook, 1, [1]));

        var outcome = Assert.Single(await rig.Kiosk.ConfirmBorrowAsync());

        Assert.Equal(RefusalReason.PatronBlocked, outcome.Reason);
        Assert.True(KioskRig.IsSecured(tags[0]));
        Assert.False(rig.Library.FindItem(S.AvailableBook)!.IsOnLoan);
    }

    [Fact]
    public async Task Fines_over_the_limit_are_shown_as_a_block_and_in_the_account()
    {
        await using var rig = await KioskRig.StartAsync();

        var result = await rig.SignInWithPinAsync(S.FinedPatron, S.FinedPin);
        var account = await rig.Kiosk.GetAccountAsync();

        Assert.Contains(PatronBlock.FinesOverLimit, result.Blocks);
        Assert.Equal(S.FinedPatronBalance, account.FinesOwed);
        Assert.Equal("VND", account.Currency);
    }

    [Fact]
    public async Task The_account_lists_loans_with_due_dates_with_overdue_ones_flagged_and_holds_ready()
    {
        await using var rig = await KioskRig.StartAsync();
        rig.Library.UpdateItem(S.SecondAvailableBook, item => item with
        {
            BorrowerIdentifier = S.HolderPatron, CheckedOutAt = DateTimeOffset.Now.AddDays(-30), DueDate = DateTimeOffset.Now.AddDays(-2),
        });
        await rig.SignInWithPinAsync(S.HolderPatron, S.HolderPin);

        var account = await rig.Kiosk.GetAccountAsync();

        Assert.Equal(2, account.Loans.Count);
        var overdue = account.Loans.Single(l => l.ItemId == S.SecondAvailableBook);
        var current = account.Loans.Single(l => l.ItemId == S.OnLoanItem);
        Assert.True(overdue.Overdue);
        Assert.False(current.Overdue);
        Assert.Equal("Số đỏ", current.Title);
        Assert.NotNull(current.DueDate);
        Assert.Equal(S.HeldItem, Assert.Single(account.HoldsReadyForPickup).ItemId);
    }

    [Fact]
    public async Task One_loan_is_renewed_with_a_later_due_date_and_renew_all_renews_the_rest()
    {
        await using var rig = await KioskRig.StartAsync();
        var before = rig.Library.FindItem(S.OnLoanItem)!.DueDate;
        await rig.SignInWithPinAsync(S.HolderPatron, S.HolderPin);

        var renewed = await rig.Kiosk.RenewAsync(S.OnLoanItem);

        Assert.Equal(ItemOutcomeStatus.Done, renewed.Status);
        Assert.NotNull(renewed.DueDate);
        Assert.True(rig.Library.FindItem(S.OnLoanItem)!.DueDate > before);
        Assert.Single(rig.Events.OfType<ItemRenewed>());

        var all = await rig.Kiosk.RenewAllAsync();
        Assert.Contains(all, o => o.ItemId == S.OnLoanItem);
    }

    [Fact]
    public async Task Renewing_an_item_the_patron_does_not_have_is_refused_in_the_ILS_s_words()
    {
        await using var rig = await KioskRig.StartAsync();
        await rig.SignInWithPinAsync(S.AdultPatron, S.AdultPin);

        var outcome = await rig.Kiosk.RenewAsync(S.OnLoanItem);

        Assert.Equal(ItemOutcomeStatus.Refused, outcome.Status);
        Assert.Equal(RefusalReason.IlsRefused, outcome.Reason);
        Assert.False(string.IsNullOrEmpty(outcome.IlsMessage));
    }

    [Fact]
    public async Task An_idle_session_warns_then_ends_and_a_touch_in_between_keeps_it()
    {
        await using var rig = await KioskRig.StartAsync(o =>
        {
            o.IdleWarningAfter = TimeSpan.FromSeconds(60);
            o.IdleGrace = TimeSpan.FromSeconds(20);
        });
        await rig.SignInWithPinAsync(S.AdultPatron, S.AdultPin);
        var session = rig.Kiosk.Snapshot.SessionId!.Value;

        rig.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(SessionState.Active, rig.Kiosk.Snapshot.State);
        rig.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(SessionState.IdleWarning, rig.Kiosk.Snapshot.State);
        var warning = Assert.Single(rig.Events.OfType<SessionIdleWarning>());
        Assert.Equal(rig.Time.GetUtcNow() + TimeSpan.FromSeconds(20), warning.EndsAt);

        rig.Kiosk.KeepAlive();
        Assert.Equal(SessionState.Active, rig.Kiosk.Snapshot.State);
        rig.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(SessionState.Active, rig.Kiosk.Snapshot.State);

        rig.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(SessionState.IdleWarning, rig.Kiosk.Snapshot.State);
        rig.Time.Advance(TimeSpan.FromSeconds(20));
        await KioskRig.WaitUntilAsync(() => rig.Events.OfType<SessionEnded>().Any(), "the session to end");

        var ended = Assert.Single(rig.Events.OfType<SessionEnded>());
        Assert.Equal(session, ended.SessionId);
        Assert.Equal(SessionEndReason.IdleTimeout, ended.Reason);
        Assert.Equal(SessionState.NoSession, rig.Kiosk.Snapshot.State);
    }

    [Fact]
    public async Task A_patron_card_laid_on_the_pad_signs_in()
    {
        await using var rig = await KioskRig.StartAsync();
        var card = Kiosk.Simulators.Rfid.LibraryTagFactory.CreateItem(S.AdultPatron, "VN-HN-TVHN");
        var memory = Kiosk.Protocols.Tags.LibraryTagCodec.Encode(
            new Kiosk.Protocols.Tags.LibraryItemTag { PrimaryItemId = S.AdultPatron, OwnerInstitution = "VN-HN-TVHN", TypeOfUsage = Kiosk.Protocols.Tags.TypeOfUsage.PatronCard },
            Kiosk.Protocols.Tags.LibraryTagModel.Iso28560Part3);
        card.WriteMemory(0, memory);

        rig.Field.Place(card);
        await KioskRig.WaitUntilAsync(() => rig.Kiosk.Snapshot.State == SessionState.AwaitingPin, "the card to ask for its PIN");
        var result = await rig.Kiosk.SubmitPinAsync(S.AdultPin);

        Assert.Equal(SignInStatus.SignedIn, result.Status);
        Assert.Empty(rig.Kiosk.Snapshot.Items);
        rig.AssertNothingLeaks(S.AdultPatron, S.AdultPin);
    }

    [Fact]
    public async Task A_card_on_the_configured_UID_list_signs_in_with_its_UID_as_the_card_number()
    {
        var uid = Kiosk.Simulators.Rfid.LibraryTagFactory.UidFor("city-card");
        await using var rig = await KioskRig.StartAsync(o =>
        {
            o.PatronCardUids.Add(uid.ToString());
            o.PinRequirement = PinRequirement.Never;
        });
        rig.Library.AddOrReplacePatron(new Kiosk.Simulators.Ils.IlsPatron { Identifier = uid.ToString(), Name = "Trần Thị Mai", Pin = "5555" });

        rig.Field.Place(new Kiosk.Simulators.Rfid.SimulatedTag(uid));
        await KioskRig.WaitUntilAsync(() => rig.Kiosk.Snapshot.State == SessionState.Active, "the city card to sign in");

        Assert.Equal(SignInMethod.RfidCard, Assert.Single(rig.Events.OfType<SessionStarted>()).Method);
        rig.AssertNothingLeaks(uid.ToString());
    }

    [Fact]
    public async Task A_book_lifted_before_its_switch_is_asked_back_and_its_switch_completes_when_it_returns()
    {
        await using var rig = await KioskRig.StartAsync();
        var (tag, outcome) = await BorrowLiftingTheBookBeforeItsSwitchAsync(rig);

        Assert.Equal(ItemOutcomeStatus.PutItBack, outcome.Status);
        Assert.True(KioskRig.IsSecured(tag));
        Assert.Single(rig.Events.OfType<ItemRemovedBeforeSwitch>());
        Assert.True(rig.Kiosk.Snapshot.Items.Single().AwaitingReturnToPad);

        await KioskRig.WaitUntilAsync(() => rig.Kiosk.Snapshot.Items.Single().PartsPresent.Count == 0, "the pad to see the book gone");
        rig.Field.Place(tag);
        await KioskRig.WaitUntilAsync(() => rig.Events.OfType<ItemCheckedOut>().Any(), "the switch to complete");

        Assert.False(KioskRig.IsSecured(tag));
        Assert.Equal(S.AdultPatron, rig.Library.FindItem(S.AvailableBook)!.BorrowerIdentifier);
        Assert.Empty(await rig.Journal.UnfinishedAsync());
    }

    [Fact]
    public async Task A_book_lifted_before_its_switch_and_not_put_back_keeps_its_loan_and_is_listed_for_staff_when_the_session_ends()
    {
        await using var rig = await KioskRig.StartAsync();
        var (tag, outcome) = await BorrowLiftingTheBookBeforeItsSwitchAsync(rig);
        Assert.Equal(ItemOutcomeStatus.PutItBack, outcome.Status);
        Assert.True(rig.Library.FindItem(S.AvailableBook)!.IsOnLoan);

        await rig.Kiosk.EndSessionAsync();

        // The ILS holds it on loan and the tag is still secured: the gate alarms, which is the safe failure.
        Assert.True(rig.Library.FindItem(S.AvailableBook)!.IsOnLoan);
        Assert.True(KioskRig.IsSecured(tag));
        Assert.Equal(S.AvailableBook, Assert.Single((await rig.Kiosk.StaffListAsync()).SecurityItems).ItemId);
        Assert.Empty(await rig.Journal.UnfinishedAsync());
    }

    [Fact]
    public async Task A_book_lifted_before_its_switch_that_lies_on_the_pad_when_the_session_ends_has_its_loan_undone()
    {
        await using var rig = await KioskRig.StartAsync();
        var (tag, outcome) = await BorrowLiftingTheBookBeforeItsSwitchAsync(rig);
        Assert.Equal(ItemOutcomeStatus.PutItBack, outcome.Status);

        // Back in the field, but ending the session races its arrival: whichever wins, ILS and tag must agree.
        rig.Field.Place(tag);
        await rig.Kiosk.EndSessionAsync();
        await KioskRig.WaitUntilAsync(() => rig.Kiosk.Snapshot.Items.All(i => !i.AwaitingReturnToPad), "the loan to be settled");

        Assert.Equal(rig.Library.FindItem(S.AvailableBook)!.IsOnLoan, !KioskRig.IsSecured(tag));
    }

    /// <summary>Signs in, lays one book down and confirms its loan, lifting the book in the instant between the ILS's loan and the switch.</summary>
    private static async Task<(Kiosk.Simulators.Rfid.SimulatedTag Tag, ItemOutcome Outcome)> BorrowLiftingTheBookBeforeItsSwitchAsync(KioskRig rig)
    {
        await rig.SignInWithPinAsync(S.AdultPatron, S.AdultPin);
        var tag = (await rig.PlaceAsync((S.AvailableBook, 1, [1])))[0];
        rig.Kiosk.Switcher.Checkpoint = (step, taken) =>
        {
            if (step == Security.SecurityStep.Unsecure && !taken)
            {
                rig.Field.Remove(tag.Uid);
            }

            return ValueTask.CompletedTask;
        };
        var outcome = Assert.Single(await rig.Kiosk.ConfirmBorrowAsync());
        rig.Kiosk.Switcher.Checkpoint = null;
        return (tag, outcome);
    }
}
