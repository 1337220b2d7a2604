using Kiosk.Circulation.DomainEvents;
using Kiosk.Circulation.Security;
using Kiosk.Circulation.Sessions;
using Kiosk.Protocols.Sip2;
using Kiosk.Simulators.Ils;
using Kiosk.Storage;
using S = Kiosk.Simulators.Ils.IlsSampleData;

namespace Kiosk.Circulation.Tests.Sessions;

/// <summary>Loans and returns end to end: the ILS simulator over TCP, the FEIG reader simulator over a real pty, SQLite.</summary>
public sealed class BorrowAndReturnTests
{
    [Fact]
    public async Task A_book_whose_tag_did_not_answer_as_it_landed_is_read_again_while_it_stays_on_the_pad()
    {
        await using var rig = await KioskRig.StartAsync();
        rig.ReaderSimulator.Faults.FailReads(1);

        rig.Field.Place(Kiosk.Simulators.Rfid.LibraryTagFactory.CreateItem(S.AvailableBook, "VN-HN-TVHN"));
        await KioskRig.WaitUntilAsync(
            () => rig.Logs.Lines.Any(line => line.Contains("could not be read", StringComparison.Ordinal)),
            "the first read of the landed book to fail");
        Assert.Empty(rig.Kiosk.Snapshot.Items);

        // The retry waits on the kiosk's clock; nothing was lifted, so the pad reported no departure.
        rig.Time.Advance(KioskUnderTest.UnreadTagRetryDelay);
        await KioskRig.WaitUntilAsync(() => rig.Kiosk.Snapshot.Items.Any(i => i.ItemId == S.AvailableBook), "the book to be listed after the retry");
    }

    [Fact]
    public async Task A_patron_borrows_three_books_one_of_them_a_two_part_set_and_each_is_lent_with_its_security_off()
    {
        await using var rig = await KioskRig.StartAsync();
        var signIn = await rig.SignInWithPinAsync(S.AdultPatron, S.AdultPin);
        Assert.Equal(SignInStatus.SignedIn, signIn.Status);

        var tags = await rig.PlaceAsync((S.AvailableBook, 1, [1]), (S.SecondAvailableBook, 1, [1]), (S.TwoPartSet, 2, [1, 2]));
        var listed = rig.Kiosk.Snapshot.Items;
        Assert.Equal([S.AvailableBook, S.SecondAvailableBook, S.TwoPartSet], listed.Select(i => i.ItemId));
        Assert.Equal("Truyện Kiều", listed[0].Title);
        Assert.Empty(listed[2].MissingParts);

        var outcomes = await rig.Kiosk.ConfirmBorrowAsync();

        Assert.Equal(3, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal(ItemOutcomeStatus.Done, o.Status));
        Assert.All(outcomes, o => Assert.NotNull(o.DueDate));
        Assert.All(outcomes, o => Assert.True(o.DueDate > DateTimeOffset.Now));
        Assert.All(tags, tag => Assert.False(KioskRig.IsSecured(tag), $"tag {tag.Uid} is still secured"));
        Assert.All([S.AvailableBook, S.SecondAvailableBook, S.TwoPartSet], id => Assert.Equal(S.AdultPatron, rig.Library.FindItem(id)!.BorrowerIdentifier));
        Assert.Equal(3, rig.Events.OfType<ItemCheckedOut>().Count);
        Assert.Empty(await rig.Journal.UnfinishedAsync());
        rig.AssertNothingLeaks(S.AdultPatron, S.AdultPin);
    }

    [Fact]
    public async Task The_checkouts_of_a_stack_go_to_the_ILS_in_parallel()
    {
        await using var rig = await KioskRig.StartAsync();
        await rig.SignInWithPinAsync(S.AdultPatron, S.AdultPin);
        await rig.PlaceAsync((S.AvailableBook, 1, [1]), (S.SecondAvailableBook, 1, [1]), (S.ThirdAvailableBook, 1, [1]));

        // The ILS holds every checkout until all three are in front of it at once: in series the second would never
        // arrive while the first is held, and the wait below would fail. No clock is read.
        rig.Ils.Simulator.Faults.HoldRequests(Sip2Command.Checkout);
        var borrowing = rig.Kiosk.ConfirmBorrowAsync();
        await KioskRig.WaitUntilAsync(() => rig.Ils.Simulator.Faults.HeldCount == 3 || borrowing.IsCompleted, "three checkouts at the ILS at once");
        Assert.Equal(3, rig.Ils.Simulator.Faults.HeldCount);
        rig.Ils.Simulator.Faults.ReleaseHeld();
        var outcomes = await borrowing;

        Assert.All(outcomes, o => Assert.Equal(ItemOutcomeStatus.Done, o.Status));
    }

    [Fact]
    public async Task The_journal_entry_is_on_disk_before_the_ILS_receives_the_checkout()
    {
        await using var rig = await KioskRig.StartAsync();
        await rig.SignInWithPinAsync(S.AdultPatron, S.AdultPin);
        await rig.PlaceAsync((S.AvailableBook, 1, [1]));

        // The checkout is held at the ILS as it arrives, before the ILS acts on it; the journal is read from the file
        // by another connection, as recovery after a crash would read it.
        rig.Ils.Simulator.Faults.HoldRequests(Sip2Command.Checkout);
        var borrowing = rig.Kiosk.ConfirmBorrowAsync();
        await KioskRig.WaitUntilAsync(() => rig.Ils.Simulator.Faults.HeldCount == 1 || borrowing.IsCompleted, "the checkout to reach the ILS");
        Assert.Equal(1, rig.Ils.Simulator.Faults.HeldCount);
        IReadOnlyList<SecurityJournalEntry> onDisk;
        using (var database = new SqliteDatabase(rig.DatabasePath))
        {
            onDisk = await new SqliteSecurityJournal(database, rig.Time).UnfinishedAsync();
        }

        var actedOnWhileHeld = rig.Ils.Simulator.HandledCount(Sip2Command.Checkout);

        rig.Ils.Simulator.Faults.ReleaseHeld();
        var outcome = Assert.Single(await borrowing);

        var entry = Assert.Single(onDisk);
        Assert.Equal((SecurityOperation.Checkout, S.AvailableBook, SecurityStep.IlsCheckout), (entry.Operation, entry.ItemId, entry.Step));
        Assert.Equal(0, actedOnWhileHeld);
        Assert.Equal(ItemOutcomeStatus.Done, outcome.Status);
        Assert.Empty(await rig.Journal.UnfinishedAsync());
    }

    [Fact]
    public async Task A_stack_is_returned_without_signing_in_and_each_book_is_secured_then_checked_in()
    {
        await using var rig = await KioskRig.StartAsync();
        foreach (var id in new[] { S.AvailableBook, S.SecondAvailableBook, S.TwoPartSet })
        {
            rig.Library.UpdateItem(id, item => item with { BorrowerIdentifier = S.AdultPatron, CheckedOutAt = DateTimeOffset.Now.AddDays(-3), DueDate = DateTimeOffset.Now.AddDays(11) });
        }

        var tags = await rig.PlaceAsync((S.AvailableBook, 1, [1]), (S.SecondAvailableBook, 1, [1]), (S.TwoPartSet, 2, [1, 2]));
        Assert.All(tags, tag => Assert.False(KioskRig.IsSecured(tag)));

        var outcomes = await rig.Kiosk.ReturnAsync();

        Assert.Equal(3, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal(ItemOutcomeStatus.Done, o.Status));
        Assert.All(tags, tag => Assert.True(KioskRig.IsSecured(tag), $"tag {tag.Uid} was not secured"));
        Assert.All([S.AvailableBook, S.SecondAvailableBook, S.TwoPartSet], id => Assert.False(rig.Library.FindItem(id)!.IsOnLoan));
        Assert.Equal(3, rig.Events.OfType<ItemReturned>().Count);
        Assert.Empty(await rig.Journal.UnfinishedAsync());
    }

    [Fact]
    public async Task A_return_whose_tag_will_not_secure_is_not_checked_in_and_goes_to_staff()
    {
        await using var rig = await KioskRig.StartAsync();
        rig.Library.UpdateItem(S.AvailableBook, item => item with { BorrowerIdentifier = S.AdultPatron, DueDate = DateTimeOffset.Now.AddDays(5) });
        var tags = await rig.PlaceAsync((S.AvailableBook, 1, [1]));

        rig.ReaderSimulator.Faults.FailWrites(100);
        var outcome = Assert.Single(await rig.Kiosk.ReturnAsync());
        rig.ReaderSimulator.Faults.Clear();

        // The ILS still holds it on loan, so its unsecured tag breaks no rule; the desk must secure it by hand.
        Assert.Equal(RefusalReason.SecuritySwitchFailed, outcome.Reason);
        Assert.True(rig.Library.FindItem(S.AvailableBook)!.IsOnLoan);
        Assert.False(KioskRig.IsSecured(tags[0]));
        Assert.Equal(S.AvailableBook, Assert.Single((await rig.Kiosk.StaffListAsync()).SecurityItems).ItemId);
    }

    [Fact]
    public async Task A_security_entry_is_announced_once_it_is_listed_and_staff_resolve_it_once()
    {
        await using var rig = await KioskRig.StartAsync();
        rig.Library.UpdateItem(S.AvailableBook, item => item with { BorrowerIdentifier = S.AdultPatron, DueDate = DateTimeOffset.Now.AddDays(5) });
        await rig.PlaceAsync((S.AvailableBook, 1, [1]));
        rig.ReaderSimulator.Faults.FailWrites(100);
        Assert.Single(await rig.Kiosk.ReturnAsync());
        rig.ReaderSimulator.Faults.Clear();

        var listed = Assert.Single((await rig.Kiosk.StaffListAsync()).SecurityItems);
        var announced = Assert.Single(rig.Events.OfType<SecurityNeedsStaff>());
        Assert.Equal((listed.Id, S.AvailableBook), (announced.EntryId, announced.ItemId));

        Assert.True(await rig.Kiosk.ResolveSecurityEntryAsync(listed.Id));
        Assert.False(await rig.Kiosk.ResolveSecurityEntryAsync(listed.Id));

        Assert.Empty((await rig.Kiosk.StaffListAsync()).SecurityItems);
        var resolved = Assert.Single(rig.Events.OfType<SecurityEntryResolved>());
        Assert.Equal((listed.Id, Kiosk.Circulation.Security.SecurityOperation.Return, S.AvailableBook), (resolved.EntryId, resolved.Operation, resolved.ItemId));
    }

    [Fact]
    public async Task A_returned_book_with_a_hold_is_sorted_to_the_hold_shelf()
    {
        await using var rig = await KioskRig.StartAsync();
        rig.Library.UpdateItem(S.AvailableBook, item => item with { BorrowerIdentifier = S.AdultPatron, DueDate = DateTimeOffset.Now.AddDays(5), HoldQueue = [S.HolderPatron] });
        await rig.PlaceAsync(S.AvailableBook);

        var outcome = Assert.Single(await rig.Kiosk.ReturnAsync());

        Assert.Equal(ItemOutcomeStatus.Done, outcome.Status);
        Assert.Equal(IlsLibrary.HoldShelfSortBin, outcome.SortBin);
    }

    [Fact]
    public async Task A_set_with_a_missing_part_is_refused_and_the_missing_part_is_named()
    {
        await using var rig = await KioskRig.StartAsync(o => o.SetPolicy = SetPolicy.Refuse);
        await rig.SignInWithPinAsync(S.AdultPatron, S.AdultPin);
        var tags = await rig.PlaceAsync((S.TwoPartSet, 2, [1]));
        Assert.Equal([2], rig.Kiosk.Snapshot.Items.Single().MissingParts);

        var outcome = Assert.Single(await rig.Kiosk.ConfirmBorrowAsync());

        Assert.Equal(ItemOutcomeStatus.Refused, outcome.Status);
        Assert.Equal(RefusalReason.SetIncomplete, outcome.Reason);
        Assert.Equal([2], outcome.MissingParts);
        Assert.False(rig.Library.FindItem(S.TwoPartSet)!.IsOnLoan);
        Assert.True(KioskRig.IsSecured(tags[0]));
        var incomplete = Assert.Single(rig.Events.OfType<SetIncomplete>());
        Assert.True(incomplete.Refused);
    }

    [Fact]
    public async Task A_set_with_a_missing_part_is_lent_with_a_warning_when_the_site_says_warn()
    {
        await using var rig = await KioskRig.StartAsync(o => o.SetPolicy = SetPolicy.Warn);
        await rig.SignInWithPinAsync(S.AdultPatron, S.AdultPin);
        var tags = await rig.PlaceAsync((S.TwoPartSet, 2, [2]));

        var outcome = Assert.Single(await rig.Kiosk.ConfirmBorrowAsync());

        Assert.Equal(ItemOutcomeStatus.DoneWithWarning, outcome.Status);
        Assert.Equal([1], outcome.MissingParts);
        Assert.Equal(S.AdultPatron, rig.Library.FindItem(S.TwoPartSet)!.BorrowerIdentifier);
        Assert.False(KioskRig.IsSecured(tags[0]));
    }

    [Fact]
    public async Task A_return_of_a_set_with_a_missing_part_is_refused_even_when_loans_only_warn()
    {
        await using var rig = await KioskRig.StartAsync(o => o.SetPolicy = SetPolicy.Warn);
        rig.Library.UpdateItem(S.TwoPartSet, item => item with { BorrowerIdentifier = S.AdultPatron, DueDate = DateTimeOffset.Now.AddDays(5) });
        var tags = await rig.PlaceAsync((S.TwoPartSet, 2, [1]));

        var outcome = Assert.Single(await rig.Kiosk.ReturnAsync());

        Assert.Equal(RefusalReason.SetIncomplete, outcome.Reason);
        Assert.Equal([2], outcome.MissingParts);
        Assert.True(rig.Library.FindItem(S.TwoPartSet)!.IsOnLoan);
        Assert.False(KioskRig.IsSecured(tags[0]));
    }

    [Fact]
    public async Task A_book_without_a_tag_is_scanned_into_the_same_loan()
    {
        await using var rig = await KioskRig.StartAsync();
        await rig.SignInWithPinAsync(S.AdultPatron, S.AdultPin);
        await rig.PlaceAsync(S.AvailableBook);
        var scanned = await rig.Kiosk.ScanItemAsync(S.SecondAvailableBook);
        Assert.True(scanned.Scanned);

        var outcomes = await rig.Kiosk.ConfirmBorrowAsync();

        Assert.Equal(2, outcomes.Count(o => o.Status == ItemOutcomeStatus.Done));
        Assert.Equal(S.AdultPatron, rig.Library.FindItem(S.SecondAvailableBook)!.BorrowerIdentifier);
    }

    [Fact]
    public async Task A_reference_book_is_refused_in_the_ILS_s_own_words_and_stays_secured()
    {
        await using var rig = await KioskRig.StartAsync();
        await rig.SignInWithPinAsync(S.AdultPatron, S.AdultPin);
        var tags = await rig.PlaceAsync((S.ReferenceItem, 1, [1]));

        var outcome = Assert.Single(await rig.Kiosk.ConfirmBorrowAsync());

        Assert.Equal(RefusalReason.IlsRefused, outcome.Reason);
        Assert.False(string.IsNullOrEmpty(outcome.IlsMessage));
        Assert.True(KioskRig.IsSecured(tags[0]));
        Assert.False(rig.Library.FindItem(S.ReferenceItem)!.IsOnLoan);
    }

    [Fact]
    public async Task A_tag_that_will_not_switch_is_retried_then_reported_for_staff_and_the_loan_undone()
    {
        await using var rig = await KioskRig.StartAsync(o => o.SecuritySwitchRetries = 1);
        await rig.SignInWithPinAsync(S.AdultPatron, S.AdultPin);
        var tags = await rig.PlaceAsync((S.AvailableBook, 1, [1]));

        // Every write fails verification for the reader's attempts and the kiosk's retry; the tag stays in the field.
        rig.ReaderSimulator.Faults.FailWrites(100);
        var outcome = Assert.Single(await rig.Kiosk.ConfirmBorrowAsync());
        rig.ReaderSimulator.Faults.Clear();

        Assert.Equal(RefusalReason.SecuritySwitchFailed, outcome.Reason);
        Assert.True(KioskRig.IsSecured(tags[0]));
        Assert.False(rig.Library.FindItem(S.AvailableBook)!.IsOnLoan);
        Assert.NotEmpty(rig.Events.OfType<SecuritySwitchFailed>());
        var staff = await rig.Kiosk.StaffListAsync();
        Assert.Equal(S.AvailableBook, Assert.Single(staff.SecurityItems).ItemId);
    }
}
