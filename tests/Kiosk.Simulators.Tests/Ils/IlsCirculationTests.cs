using Kiosk.Protocols.Sip2;
using Kiosk.Protocols.Sip2.Messages;
using Kiosk.Simulators.Ils;
using static Kiosk.Simulators.Tests.Ils.IlsTestHarness;
using S = Kiosk.Simulators.Ils.IlsSampleData;

namespace Kiosk.Simulators.Tests.Ils;

public sealed class IlsCirculationTests
{
    [Fact]
    public async Task Checkout_by_a_patron_in_good_standing_lends_the_item_with_a_due_date_and_desensitizes_it()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);

        var response = await client.ExchangeAsync<CheckoutResponse>(Checkout(S.AdultPatron, S.AvailableBook, S.AdultPin));

        Assert.True(response.Ok);
        Assert.False(response.RenewalOk);
        Assert.Equal(Sip2Indicator.Yes, response.Desensitize);
        Assert.Equal("Truyện Kiều", response.TitleIdentifier);
        Assert.Equal("20261215    235959", response.DueDate);
        Assert.Equal(["Mượn thành công. Hạn trả: 15/12/2026"], response.ScreenMessages);
        Assert.Equal(S.AdultPatron, simulator.Library.FindItem(S.AvailableBook)!.BorrowerIdentifier);
    }

    [Fact]
    public async Task Checkout_by_a_blocked_patron_is_refused()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);

        var response = await client.ExchangeAsync<CheckoutResponse>(Checkout(S.BlockedPatron, S.AvailableBook, S.BlockedPin));

        Assert.False(response.Ok);
        Assert.Equal(Sip2Indicator.No, response.Desensitize);
        Assert.Contains("Thẻ đã bị khóa", response.ScreenMessages[0], StringComparison.Ordinal);
        Assert.False(simulator.Library.FindItem(S.AvailableBook)!.IsOnLoan);
    }

    [Fact]
    public async Task Checkout_with_a_card_reported_lost_is_refused()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);

        var response = await client.ExchangeAsync<CheckoutResponse>(Checkout(S.LostCardPatron, S.AvailableBook));

        Assert.False(response.Ok);
        Assert.Contains("báo mất", response.ScreenMessages[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkout_by_a_patron_whose_fines_exceed_the_limit_is_refused_naming_the_amounts()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);

        var response = await client.ExchangeAsync<CheckoutResponse>(Checkout(S.FinedPatron, S.AvailableBook, S.FinedPin));

        Assert.False(response.Ok);
        Assert.Contains("150.000 VND", response.ScreenMessages[0], StringComparison.Ordinal);
        Assert.Contains("100.000 VND", response.ScreenMessages[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkout_with_a_wrong_pin_is_refused()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);

        var response = await client.ExchangeAsync<CheckoutResponse>(Checkout(S.AdultPatron, S.AvailableBook, "9999"));

        Assert.False(response.Ok);
        Assert.Equal(["Sai mã PIN. Vui lòng thử lại."], response.ScreenMessages);
        Assert.False(simulator.Library.FindItem(S.AvailableBook)!.IsOnLoan);
    }

    [Fact]
    public async Task Patron_information_with_a_wrong_pin_says_the_password_is_not_valid_and_lists_nothing()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);

        var response = await client.ExchangeAsync<PatronInformationResponse>(PatronInformation(S.HolderPatron, "0000", Sip2SummaryRequest.ChargedItems));

        Assert.True(response.ValidPatron);
        Assert.False(response.ValidPatronPassword);
        Assert.Empty(response.ChargedItems);
    }

    [Fact]
    public async Task Patron_information_reports_limits_fines_loans_and_holds()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);

        var holder = await client.ExchangeAsync<PatronInformationResponse>(PatronInformation(S.HolderPatron, S.HolderPin, Sip2SummaryRequest.ChargedItems));
        var fined = await client.ExchangeAsync<PatronInformationResponse>(PatronInformation(S.FinedPatron, S.FinedPin));
        var unknown = await client.ExchangeAsync<PatronInformationResponse>(PatronInformation("BD9999"));

        Assert.True(holder.ValidPatronPassword);
        Assert.Equal("Võ Thị Lan", holder.PersonalName);
        Assert.Equal([S.OnLoanItem], holder.ChargedItems);
        Assert.Equal(1, holder.ChargedItemsCount);
        Assert.Equal(1, holder.HoldItemsCount);
        Assert.Equal(5, holder.ChargedItemsLimit);
        Assert.Equal(Sip2PatronStatus.None, holder.PatronStatus);
        Assert.True(fined.PatronStatus.HasFlag(Sip2PatronStatus.ExcessiveOutstandingFines));
        Assert.Equal("150000", fined.FeeAmount);
        Assert.Equal("100000", fined.FeeLimit);
        Assert.Equal("VND", fined.CurrencyType);
        Assert.False(unknown.ValidPatron);
    }

    [Fact]
    public async Task Checkout_beyond_a_childs_loan_limit_is_refused()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);
        Assert.True((await client.ExchangeAsync<CheckoutResponse>(Checkout(S.ChildPatron, S.ChildrensBook))).Ok);
        Assert.True((await client.ExchangeAsync<CheckoutResponse>(Checkout(S.ChildPatron, S.SecondChildrensBook))).Ok);

        var third = await client.ExchangeAsync<CheckoutResponse>(Checkout(S.ChildPatron, S.SecondAvailableBook));

        Assert.False(third.Ok);
        Assert.Equal(["Bạn đã mượn tối đa 2 tài liệu."], third.ScreenMessages);
        Assert.True(simulator.Library.StatusOf(S.ChildPatron).HasFlag(Sip2PatronStatus.TooManyItemsCharged));
    }

    [Fact]
    public async Task Checkout_of_a_reference_item_is_refused_as_not_for_loan()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);

        var response = await client.ExchangeAsync<CheckoutResponse>(Checkout(S.AdultPatron, S.ReferenceItem));

        Assert.False(response.Ok);
        Assert.Contains("chỉ đọc tại chỗ", response.ScreenMessages[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkout_of_an_item_on_loan_to_another_patron_is_refused()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);

        var response = await client.ExchangeAsync<CheckoutResponse>(Checkout(S.AdultPatron, S.OnLoanItem));

        Assert.False(response.Ok);
        Assert.False(response.RenewalOk);
        Assert.Equal(S.HolderPatron, simulator.Library.FindItem(S.OnLoanItem)!.BorrowerIdentifier);
    }

    [Fact]
    public async Task Checkout_of_an_item_held_for_another_patron_is_refused_but_the_holder_may_borrow_it()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);

        var other = await client.ExchangeAsync<CheckoutResponse>(Checkout(S.AdultPatron, S.HeldItem));
        var holder = await client.ExchangeAsync<CheckoutResponse>(Checkout(S.HolderPatron, S.HeldItem, S.HolderPin));

        Assert.False(other.Ok);
        Assert.Contains("giữ cho bạn đọc khác", other.ScreenMessages[0], StringComparison.Ordinal);
        Assert.True(holder.Ok);
        Assert.Empty(simulator.Library.FindItem(S.HeldItem)!.HoldQueue);
    }

    [Fact]
    public async Task Checkout_of_an_item_the_patron_already_has_is_a_renewal()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);

        var response = await client.ExchangeAsync<CheckoutResponse>(Checkout(S.HolderPatron, S.OnLoanItem));

        Assert.True(response.Ok);
        Assert.True(response.RenewalOk);
        Assert.Contains("Gia hạn thành công", response.ScreenMessages[0], StringComparison.Ordinal);
        Assert.Equal(1, simulator.Library.FindItem(S.OnLoanItem)!.RenewalCount);
    }

    [Fact]
    public async Task Checkout_of_an_item_the_patron_already_has_is_refused_as_already_theirs_when_the_SC_does_not_renew()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);

        var response = await client.ExchangeAsync<CheckoutResponse>(Checkout(S.HolderPatron, S.OnLoanItem, renewalPolicy: false));

        Assert.False(response.Ok);
        Assert.True(response.RenewalOk);
        Assert.Equal(Sip2Indicator.No, response.Desensitize);
        Assert.Equal(0, simulator.Library.FindItem(S.OnLoanItem)!.RenewalCount);
    }

    [Fact]
    public async Task Renewal_beyond_the_item_types_limit_is_refused()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);

        var first = await client.ExchangeAsync<RenewResponse>(Renew(S.HolderPatron, S.OnLoanItem, S.HolderPin));
        var second = await client.ExchangeAsync<RenewResponse>(Renew(S.HolderPatron, S.OnLoanItem, S.HolderPin));
        var third = await client.ExchangeAsync<RenewResponse>(Renew(S.HolderPatron, S.OnLoanItem, S.HolderPin));

        Assert.True(first.Ok);
        Assert.True(second.Ok);
        Assert.False(third.Ok);
        Assert.Contains("hết lượt gia hạn", third.ScreenMessages[0], StringComparison.Ordinal);
        Assert.Equal(2, simulator.Library.FindItem(S.OnLoanItem)!.RenewalCount);
    }

    [Fact]
    public async Task Renewal_of_an_item_someone_else_holds_is_refused()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);
        simulator.Library.UpdateItem(S.OnLoanItem, i => i with { HoldQueue = [S.AdultPatron] });

        var response = await client.ExchangeAsync<RenewResponse>(Renew(S.HolderPatron, S.OnLoanItem));

        Assert.False(response.Ok);
        Assert.Contains("đặt giữ", response.ScreenMessages[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renew_all_renews_what_it_can_and_lists_the_rest()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);
        await client.ExchangeAsync<CheckoutResponse>(Checkout(S.AdultPatron, S.AvailableBook));
        await client.ExchangeAsync<CheckoutResponse>(Checkout(S.AdultPatron, S.Magazine));

        var response = await client.ExchangeAsync<RenewAllResponse>(new RenewAllRequest
        {
            TransactionDate = Now, InstitutionId = "VN-HN-TVHN", PatronIdentifier = S.AdultPatron, PatronPassword = S.AdultPin,
        });

        Assert.True(response.Ok);
        Assert.Equal(1, response.RenewedCount);
        Assert.Equal(1, response.UnrenewedCount);
        Assert.Equal([S.AvailableBook], response.RenewedItems);
        Assert.Equal([S.Magazine], response.UnrenewedItems);
    }

    [Fact]
    public async Task Checkin_returns_the_item_and_asks_to_resensitize_it()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);

        var response = await client.ExchangeAsync<CheckinResponse>(Checkin(S.OnLoanItem));

        Assert.True(response.Ok);
        Assert.True(response.Resensitize);
        Assert.False(response.Alert);
        Assert.Equal(S.HolderPatron, response.PatronIdentifier);
        Assert.False(simulator.Library.FindItem(S.OnLoanItem)!.IsOnLoan);
    }

    [Fact]
    public async Task Checkin_of_an_item_someone_holds_raises_the_alert_and_names_the_hold_shelf()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);
        simulator.Library.UpdateItem(S.OnLoanItem, i => i with { HoldQueue = [S.AdultPatron] });

        var response = await client.ExchangeAsync<CheckinResponse>(Checkin(S.OnLoanItem));

        Assert.True(response.Ok);
        Assert.True(response.Alert);
        Assert.Equal(IlsLibrary.HoldShelfSortBin, response.SortBin);
        Assert.Contains(response.ScreenMessages, m => m.Contains("kệ giữ sách", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Checkin_with_cancel_undoes_a_checkout()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);
        await client.ExchangeAsync<CheckoutResponse>(Checkout(S.AdultPatron, S.AvailableBook));

        var response = await client.ExchangeAsync<CheckinResponse>(Checkin(S.AvailableBook, cancel: true));

        Assert.True(response.Ok);
        Assert.True(response.Resensitize);
        Assert.False(simulator.Library.FindItem(S.AvailableBook)!.IsOnLoan);
        Assert.Empty(simulator.Library.LoansOf(S.AdultPatron));
    }

    [Fact]
    public async Task Checkout_with_cancel_undoes_a_checkin()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);
        var before = simulator.Library.FindItem(S.OnLoanItem)!;
        await client.ExchangeAsync<CheckinResponse>(Checkin(S.OnLoanItem));

        var response = await client.ExchangeAsync<CheckoutResponse>(Checkout(S.HolderPatron, S.OnLoanItem, cancel: true));

        Assert.True(response.Ok);
        var after = simulator.Library.FindItem(S.OnLoanItem)!;
        Assert.Equal(S.HolderPatron, after.BorrowerIdentifier);
        Assert.Equal(before.DueDate, after.DueDate);
    }

    [Fact]
    public async Task Overdue_fines_accrue_per_day_as_time_moves_and_are_charged_on_return()
    {
        var clock = NewClock();
        await using var simulator = await StartAsync(clock);
        await using var client = await ConnectAndLoginAsync(simulator);
        await client.ExchangeAsync<CheckoutResponse>(Checkout(S.AdultPatron, S.AvailableBook));

        clock.Advance(TimeSpan.FromDays(21));
        Assert.Equal(0, simulator.Library.OutstandingFinesOf(S.AdultPatron));
        clock.Advance(TimeSpan.FromDays(3));
        var information = await client.ExchangeAsync<PatronInformationResponse>(PatronInformation(S.AdultPatron, S.AdultPin, Sip2SummaryRequest.OverdueItems));
        var checkin = await client.ExchangeAsync<CheckinResponse>(Checkin(S.AvailableBook));

        Assert.Equal("6000", information.FeeAmount);
        Assert.Equal([S.AvailableBook], information.OverdueItems);
        Assert.Contains(checkin.ScreenMessages, m => m.Contains("6.000 VND", StringComparison.Ordinal));
        Assert.Equal(6_000, simulator.Library.FindPatron(S.AdultPatron)!.FineBalance);
    }

    [Fact]
    public async Task Fines_that_grow_past_the_limit_block_further_checkouts()
    {
        var clock = NewClock();
        await using var simulator = await StartAsync(clock);
        await using var client = await ConnectAndLoginAsync(simulator);
        await client.ExchangeAsync<CheckoutResponse>(Checkout(S.AdultPatron, S.Magazine));

        clock.Advance(TimeSpan.FromDays(7 + 21));
        var response = await client.ExchangeAsync<CheckoutResponse>(Checkout(S.AdultPatron, S.AvailableBook));

        Assert.False(response.Ok);
        Assert.Contains("105.000 VND", response.ScreenMessages[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fee_paid_reduces_the_fines_and_unblocks_the_patron()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);

        var paid = await client.ExchangeAsync<FeePaidResponse>(new FeePaidRequest
        {
            TransactionDate = Now, FeeType = Sip2FeeType.Overdue, PaymentType = Sip2PaymentType.Cash, CurrencyType = "VND",
            FeeAmount = "60000", InstitutionId = "VN-HN-TVHN", PatronIdentifier = S.FinedPatron, PatronPassword = S.FinedPin,
        });
        var checkout = await client.ExchangeAsync<CheckoutResponse>(Checkout(S.FinedPatron, S.AvailableBook, S.FinedPin));

        Assert.True(paid.PaymentAccepted);
        Assert.False(string.IsNullOrEmpty(paid.TransactionId));
        Assert.Contains("Còn nợ: 90.000 VND", paid.ScreenMessages[0], StringComparison.Ordinal);
        Assert.Equal(90_000, simulator.Library.OutstandingFinesOf(S.FinedPatron));
        Assert.True(checkout.Ok);
    }

    [Fact]
    public async Task Fee_paid_for_more_than_is_owed_is_refused()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);

        var paid = await client.ExchangeAsync<FeePaidResponse>(new FeePaidRequest
        {
            TransactionDate = Now, CurrencyType = "VND", FeeAmount = "200000", InstitutionId = "VN-HN-TVHN", PatronIdentifier = S.FinedPatron,
        });

        Assert.False(paid.PaymentAccepted);
        Assert.Equal(S.FinedPatronBalance, simulator.Library.FindPatron(S.FinedPatron)!.FineBalance);
    }

    [Fact]
    public async Task Item_information_reports_the_circulation_status_and_the_number_of_parts()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);

        var available = await client.ExchangeAsync<ItemInformationResponse>(ItemInformation(S.AvailableBook));
        var onLoan = await client.ExchangeAsync<ItemInformationResponse>(ItemInformation(S.OnLoanItem));
        var held = await client.ExchangeAsync<ItemInformationResponse>(ItemInformation(S.HeldItem));
        var set = await client.ExchangeAsync<ItemInformationResponse>(ItemInformation(S.TwoPartSet));

        Assert.Equal(Sip2CirculationStatus.Available, available.CirculationStatus);
        Assert.Equal(Sip2CirculationStatus.Charged, onLoan.CirculationStatus);
        Assert.False(string.IsNullOrEmpty(onLoan.DueDate));
        Assert.Equal(Sip2CirculationStatus.WaitingOnHoldShelf, held.CirculationStatus);
        Assert.Equal(1, held.HoldQueueLength);
        Assert.Equal("parts=2", set.ItemProperties);
        Assert.Equal(2, IlsItemProperties.TryReadParts(set.ItemProperties));
        Assert.Equal("Đất rừng phương Nam (2 tập)", set.TitleIdentifier);
    }

    [Fact]
    public async Task Item_status_update_sets_the_item_properties()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);

        var response = await client.ExchangeAsync<ItemStatusUpdateResponse>(new ItemStatusUpdateRequest
        {
            TransactionDate = Now, InstitutionId = "VN-HN-TVHN", ItemIdentifier = S.TwoPartSet, ItemProperties = "Bìa rách",
        });

        Assert.True(response.ItemPropertiesOk);
        Assert.Equal("parts=2;Bìa rách", response.ItemProperties);
        Assert.Equal("Bìa rách", simulator.Library.FindItem(S.TwoPartSet)!.Properties);
    }

    [Fact]
    public async Task A_hold_can_be_placed_and_cancelled()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);

        var placed = await client.ExchangeAsync<HoldResponse>(new HoldRequest
        {
            Mode = Sip2HoldMode.Add, TransactionDate = Now, InstitutionId = "VN-HN-TVHN", PatronIdentifier = S.AdultPatron, ItemIdentifier = S.OnLoanItem,
        });
        var queued = simulator.Library.FindItem(S.OnLoanItem)!.HoldQueue;
        var cancelled = await client.ExchangeAsync<HoldResponse>(new HoldRequest
        {
            Mode = Sip2HoldMode.Delete, TransactionDate = Now, InstitutionId = "VN-HN-TVHN", PatronIdentifier = S.AdultPatron, ItemIdentifier = S.OnLoanItem,
        });

        Assert.True(placed.Ok);
        Assert.False(placed.Available);
        Assert.Equal(1, placed.QueuePosition);
        Assert.Equal([S.AdultPatron], queued);
        Assert.True(cancelled.Ok);
        Assert.Empty(simulator.Library.FindItem(S.OnLoanItem)!.HoldQueue);
    }

    [Fact]
    public async Task A_blocked_patron_cannot_place_a_hold()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);

        var response = await client.ExchangeAsync<HoldResponse>(new HoldRequest
        {
            Mode = Sip2HoldMode.Add, TransactionDate = Now, InstitutionId = "VN-HN-TVHN", PatronIdentifier = S.BlockedPatron, ItemIdentifier = S.OnLoanItem,
        });

        Assert.False(response.Ok);
        Assert.Empty(simulator.Library.FindItem(S.OnLoanItem)!.HoldQueue);
    }

    [Fact]
    public async Task Block_patron_blocks_the_card_and_patron_enable_unblocks_it()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);

        var blocked = await client.ExchangeAsync<PatronStatusResponse>(new BlockPatronRequest
        {
            CardRetained = true, TransactionDate = Now, InstitutionId = "VN-HN-TVHN", BlockedCardMessage = "Thẻ bị bỏ quên", PatronIdentifier = S.AdultPatron, TerminalPassword = string.Empty,
        });
        var reason = simulator.Library.FindPatron(S.AdultPatron)!.BlockedCardMessage;
        var refused = await client.ExchangeAsync<CheckoutResponse>(Checkout(S.AdultPatron, S.AvailableBook));
        var enabled = await client.ExchangeAsync<PatronEnableResponse>(new PatronEnableRequest
        {
            TransactionDate = Now, InstitutionId = "VN-HN-TVHN", PatronIdentifier = S.AdultPatron, PatronPassword = S.AdultPin,
        });
        var lent = await client.ExchangeAsync<CheckoutResponse>(Checkout(S.AdultPatron, S.AvailableBook));

        Assert.True(blocked.PatronStatus.HasFlag(Sip2PatronStatus.ChargePrivilegesDenied));
        Assert.Equal("Thẻ bị bỏ quên", reason);
        Assert.False(refused.Ok);
        Assert.Equal(Sip2PatronStatus.None, enabled.PatronStatus);
        Assert.True(enabled.ValidPatronPassword);
        Assert.True(lent.Ok);
    }

    [Fact]
    public async Task Patron_enable_with_a_wrong_pin_leaves_the_block()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);

        var response = await client.ExchangeAsync<PatronEnableResponse>(new PatronEnableRequest
        {
            TransactionDate = Now, InstitutionId = "VN-HN-TVHN", PatronIdentifier = S.BlockedPatron, PatronPassword = "0000",
        });

        Assert.False(response.ValidPatronPassword);
        Assert.True(simulator.Library.StatusOf(S.BlockedPatron).HasFlag(Sip2PatronStatus.ChargePrivilegesDenied));
    }

    [Fact]
    public async Task End_patron_session_is_acknowledged()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);

        var response = await client.ExchangeAsync<EndSessionResponse>(new EndPatronSessionRequest
        {
            TransactionDate = Now, InstitutionId = "VN-HN-TVHN", PatronIdentifier = S.AdultPatron,
        });

        Assert.True(response.EndSession);
        Assert.Equal(S.AdultPatron, response.PatronIdentifier);
    }
}
