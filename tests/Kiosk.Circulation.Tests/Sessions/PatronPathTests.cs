using Kiosk.Circulation.DomainEvents;
using S = Kiosk.Simulators.Ils.IlsSampleData;

namespace Kiosk.Circulation.Tests.Sessions;

/// <summary>
/// The patron's path through the circulation's owners: every book on the pad gets an outcome, the patron is told at
/// sign-in what they may do, and a stack is decided in the order it was laid down. Real peers: the ILS simulator over
/// TCP and the FEIG simulator on a pty.
/// </summary>
public sealed class PatronPathTests
{
    [Fact]
    public async Task A_book_returned_and_left_on_the_pad_is_named_when_the_next_patron_borrows_instead_of_skipped()
    {
        await using var rig = await KioskRig.StartAsync();
        rig.Library.UpdateItem(S.AvailableBook, item => item with { BorrowerIdentifier = S.HolderPatron, DueDate = DateTimeOffset.Now.AddDays(5) });
        await rig.PlaceAsync(S.AvailableBook);
        Assert.Equal(ItemOutcomeStatus.Done, Assert.Single(await rig.Kiosk.ReturnAsync()).Status);

        await rig.SignInWithPinAsync(S.AdultPatron, S.AdultPin);
        await rig.PlaceAsync(S.SecondAvailableBook);
        var outcomes = await rig.Kiosk.ConfirmBorrowAsync();

        Assert.Equal(2, outcomes.Count);
        var returned = Assert.Single(outcomes, o => o.ItemId == S.AvailableBook);
        Assert.Equal((ItemOutcomeStatus.AlreadyDone, RefusalReason.AlreadyReturned), (returned.Status, returned.Reason));
        Assert.Equal("Truyện Kiều", returned.Title);
        Assert.Equal(ItemOutcomeStatus.Done, Assert.Single(outcomes, o => o.ItemId == S.SecondAvailableBook).Status);
        Assert.False(rig.Library.FindItem(S.AvailableBook)!.IsOnLoan);

        // The screen shows each book's decision beside it.
        Assert.Equal(ItemProgress.Done, rig.Kiosk.Snapshot.Items.Single(i => i.ItemId == S.AvailableBook).Progress);
        Assert.Equal(RefusalReason.AlreadyReturned, rig.Kiosk.Snapshot.Items.Single(i => i.ItemId == S.AvailableBook).Outcome!.Reason);
    }

    [Fact]
    public async Task Confirming_again_names_the_books_already_lent_rather_than_answering_nothing()
    {
        await using var rig = await KioskRig.StartAsync();
        await rig.SignInWithPinAsync(S.AdultPatron, S.AdultPin);
        await rig.PlaceAsync(S.AvailableBook);
        Assert.Equal(ItemOutcomeStatus.Done, Assert.Single(await rig.Kiosk.ConfirmBorrowAsync()).Status);

        var again = Assert.Single(await rig.Kiosk.ConfirmBorrowAsync());

        Assert.Equal((ItemOutcomeStatus.AlreadyDone, RefusalReason.AlreadyYours), (again.Status, again.Reason));
        Assert.Single(rig.Events.OfType<ItemCheckedOut>());
    }

    [Fact]
    public async Task A_card_number_typed_in_small_letters_is_the_same_card()
    {
        await using var rig = await KioskRig.StartAsync();

        var signIn = await rig.SignInWithPinAsync(S.AdultPatron.ToLowerInvariant(), S.AdultPin);

        Assert.Equal(SignInStatus.SignedIn, signIn.Status);
        Assert.Equal("0001", signIn.Patron!.CardEnding);
        rig.AssertNothingLeaks(S.AdultPatron, S.AdultPatron.ToLowerInvariant());
    }

    [Fact]
    public async Task A_patron_in_good_standing_is_greeted_by_given_name_and_told_how_many_books_they_may_borrow()
    {
        await using var rig = await KioskRig.StartAsync();

        var patron = (await rig.SignInWithPinAsync(S.AdultPatron, S.AdultPin)).Patron!;

        Assert.Equal("An", patron.GreetingName);
        Assert.True(patron.CanBorrow);
        Assert.Equal(5, patron.LoansLeft);
        Assert.Equal(patron, rig.Kiosk.Snapshot.Patron);
        Assert.DoesNotContain(rig.Events.Events, e => e.ToString().Contains("Nguyễn", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_patron_with_a_hold_ready_hears_of_it_at_sign_in()
    {
        await using var rig = await KioskRig.StartAsync();
        rig.Library.UpdateItem(S.HeldItem, item => item with { HoldQueue = [S.HolderPatron] });
        await rig.PlaceAsync(S.HeldItem);
        rig.Library.UpdateItem(S.HeldItem, item => item with { BorrowerIdentifier = S.HolderPatron, DueDate = DateTimeOffset.Now.AddDays(3) });
        Assert.Single(await rig.Kiosk.ReturnAsync());

        var patron = (await rig.SignInWithPinAsync(S.HolderPatron, S.HolderPin)).Patron!;

        Assert.Equal(1, patron.HoldsReady);
    }

    [Fact]
    public async Task A_fined_patron_is_told_at_sign_in_and_no_book_is_sent_to_the_ILS()
    {
        await using var rig = await KioskRig.StartAsync();

        var patron = (await rig.SignInWithPinAsync(S.FinedPatron, S.FinedPin)).Patron!;
        await rig.PlaceAsync(S.AvailableBook);
        var outcome = Assert.Single(await rig.Kiosk.ConfirmBorrowAsync());

        Assert.False(patron.CanBorrow);
        Assert.Equal(PatronBlock.FinesOverLimit, patron.CannotBorrow);
        Assert.Equal(S.FinedPatronBalance, patron.FinesOwed);
        Assert.Equal((ItemOutcomeStatus.Refused, RefusalReason.PatronBlocked), (outcome.Status, outcome.Reason));
        Assert.False(rig.Library.FindItem(S.AvailableBook)!.IsOnLoan);
        Assert.Empty(await rig.Journal.UnfinishedAsync());
    }

    [Fact]
    public async Task A_childs_stack_over_the_limit_lends_the_books_laid_down_first()
    {
        await using var rig = await KioskRig.StartAsync();
        await rig.SignInWithPinAsync(S.ChildPatron, S.ChildPin);
        await rig.PlaceAsync(S.ChildrensBook);
        await rig.PlaceAsync(S.SecondChildrensBook);
        await rig.PlaceAsync(S.AvailableBook);

        var outcomes = await rig.Kiosk.ConfirmBorrowAsync();

        Assert.Equal(ItemOutcomeStatus.Done, outcomes.Single(o => o.ItemId == S.ChildrensBook).Status);
        Assert.Equal(ItemOutcomeStatus.Done, outcomes.Single(o => o.ItemId == S.SecondChildrensBook).Status);
        Assert.Equal(RefusalReason.LoanLimitReached, outcomes.Single(o => o.ItemId == S.AvailableBook).Reason);
        Assert.False(rig.Library.FindItem(S.AvailableBook)!.IsOnLoan);
    }

    [Fact]
    public async Task A_returned_book_that_was_not_on_loan_is_secured_and_not_called_returned()
    {
        await using var rig = await KioskRig.StartAsync();
        // Listed with its title: the ILS has described it (Item Information, 18), not on loan.
        var tags = await rig.PlaceAsync((S.AvailableBook, 1, [1]));

        var outcome = Assert.Single(await rig.Kiosk.ReturnAsync());

        Assert.Equal((ItemOutcomeStatus.NotOnLoan, RefusalReason.NotOnLoan), (outcome.Status, outcome.Reason));
        Assert.False(outcome.Succeeded);
        Assert.True(KioskRig.IsSecured(tags[0]));
        Assert.Empty(rig.Events.OfType<ItemReturned>());
    }

    [Fact]
    public async Task Renew_all_names_each_book_by_its_title_and_new_due_day()
    {
        await using var rig = await KioskRig.StartAsync();
        await rig.SignInWithPinAsync(S.HolderPatron, S.HolderPin);

        var renewed = Assert.Single(await rig.Kiosk.RenewAllAsync());

        Assert.Equal(("Số đỏ", ItemOutcomeStatus.Done), (renewed.Title, renewed.Status));
        Assert.NotNull(renewed.DueDay);
    }

    [Fact]
    public async Task An_offline_loan_of_a_book_seen_before_is_named_by_its_title()
    {
        await using var rig = await KioskRig.StartAsync(CrashRecoveryTests.AllowOffline);
        var tags = await rig.PlaceAsync((S.ThirdAvailableBook, 1, [1]));
        rig.Field.Remove(tags[0].Uid);
        await KioskRig.WaitUntilAsync(() => rig.Kiosk.Snapshot.Items.Count == 0, "the book to leave the pad");
        await rig.CutIlsAsync();
        await rig.Kiosk.SignInAsync(S.AdultPatron, SignInMethod.Barcode);

        rig.Field.Place(tags[0]);
        await KioskRig.WaitUntilAsync(() => rig.Kiosk.Snapshot.Items.Count == 1, "the book to land again");
        var outcome = Assert.Single(await rig.Kiosk.ConfirmBorrowAsync());

        Assert.True(outcome.Offline);
        Assert.Equal("Nỗi buồn chiến tranh", outcome.Title);
        Assert.Null(outcome.DueDay);
    }

    [Fact]
    public async Task A_secured_book_left_on_the_pad_is_named_when_the_session_ends()
    {
        await using var rig = await KioskRig.StartAsync();
        await rig.SignInWithPinAsync(S.AdultPatron, S.AdultPin);
        await rig.PlaceAsync(S.AvailableBook);
        Assert.Single(await rig.Kiosk.ConfirmBorrowAsync());
        await rig.PlaceAsync(S.SecondAvailableBook);

        var ended = await rig.Kiosk.EndSessionAsync();

        var left = Assert.Single(ended.LeftOnPad);
        Assert.Equal((S.SecondAvailableBook, "Chí Phèo"), (left.ItemId, left.Title));
        Assert.All(rig.Kiosk.Snapshot.Items, item => Assert.Null(item.Outcome));
    }

    [Fact]
    public async Task A_tag_is_read_over_the_air_once_per_visit_and_the_screen_and_the_loan_read_the_pad_model()
    {
        await using var rig = await KioskRig.StartAsync();
        var tag = (await rig.PlaceAsync((S.AvailableBook, 1, [1])))[0];
        var readsPerVisit = tag.BlockReads;
        Assert.True(readsPerVisit > 0);

        // The screen asks again and again, and the loan takes the book: nobody reads the tag's memory a second time.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("Truyện Kiều", rig.Kiosk.Snapshot.Items.Single().Title);
        }

        await rig.SignInWithPinAsync(S.AdultPatron, S.AdultPin);
        Assert.Equal(ItemOutcomeStatus.Done, Assert.Single(await rig.Kiosk.ConfirmBorrowAsync()).Status);
        Assert.Equal(readsPerVisit, tag.BlockReads);

        // Lifted and laid down again: a new visit, one new read.
        rig.Field.Remove(tag.Uid);
        await KioskRig.WaitUntilAsync(() => rig.Kiosk.Snapshot.Items.Count == 0, "the book to leave the pad");
        rig.Field.Place(tag);
        await KioskRig.WaitUntilAsync(() => rig.Kiosk.Snapshot.Items.Count == 1, "the book to land again");
        Assert.Equal(2 * readsPerVisit, tag.BlockReads);
    }

    [Fact]
    public async Task A_second_loan_while_one_runs_is_told_to_wait()
    {
        await using var rig = await KioskRig.StartAsync();
        await rig.SignInWithPinAsync(S.AdultPatron, S.AdultPin);
        await rig.PlaceAsync(S.AvailableBook);
        var release = new TaskCompletionSource();
        var reached = new TaskCompletionSource();
        rig.Kiosk.Switcher.Checkpoint = async (step, taken) =>
        {
            reached.TrySetResult();
            await release.Task;
        };

        var first = rig.Kiosk.ConfirmBorrowAsync();
        await reached.Task.WaitAsync(KioskRig.Patience);
        Assert.Equal(CirculationOperation.Checkout, rig.Kiosk.Snapshot.Transaction!.Operation);
        var second = await rig.Kiosk.TryBorrowAsync();
        release.SetResult();

        Assert.Equal(CirculationResultCode.Busy, second.Code);
        Assert.Equal(ItemOutcomeStatus.Done, Assert.Single(await first).Status);
        Assert.Null(rig.Kiosk.Snapshot.Transaction);
    }

    [Fact]
    public async Task The_ILS_coming_back_reports_how_long_the_kiosk_was_off_line_and_what_waited()
    {
        await using var rig = await KioskRig.StartAsync(CrashRecoveryTests.AllowOffline);
        await rig.PlaceAsync(S.AvailableBook);
        await rig.CutIlsAsync();
        await rig.Kiosk.SignInAsync(S.AdultPatron, SignInMethod.Barcode);
        Assert.True(Assert.Single(await rig.Kiosk.ConfirmBorrowAsync()).Offline);

        await rig.RestoreIlsAsync();

        var left = Assert.Single(rig.Events.OfType<OfflineLeft>());
        Assert.Equal(1, left.QueuedTransactions);
        Assert.True(left.Duration >= TimeSpan.FromSeconds(5), $"off-line for {left.Duration}");
    }

    [Fact]
    public async Task A_PIN_prompt_left_alone_is_withdrawn_so_the_screen_goes_home()
    {
        await using var rig = await KioskRig.StartAsync();
        await rig.Kiosk.SignInAsync(S.AdultPatron, SignInMethod.Typed);
        Assert.Equal("0001", rig.Kiosk.Snapshot.Pending!.CardEnding);

        rig.Time.Advance(TimeSpan.FromSeconds(81));

        await KioskRig.WaitUntilAsync(() => rig.Events.OfType<PinPromptWithdrawn>().Any(), "the PIN prompt to be withdrawn");
        Assert.Equal(SessionState.NoSession, rig.Kiosk.Snapshot.State);
        Assert.Null(rig.Kiosk.Snapshot.Pending);
    }
}
