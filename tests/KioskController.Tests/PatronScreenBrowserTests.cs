using Kiosk.Simulators.Ils;
using Microsoft.Playwright;

namespace KioskController.Tests;

/// <summary>
/// The patron's screen in the real Chromium against the default run's simulators, driven only by what a patron sees
/// and touches: signing in without a keyboard, being told at once whether they can borrow, the receipt question,
/// and a screen that forgets each patron when they leave.
/// </summary>
public sealed class PatronScreenBrowserTests
{
    // Small timeouts so that inactivity is seen in seconds: the screen's own, then the server's idle warning and end.
    private static readonly string[] ShortTimeouts =
        ["--Kiosk:Ui:ScreenTimeout=00:00:03", "--Kiosk:Circulation:IdleWarningAfter=00:00:05", "--Kiosk:Circulation:IdleGrace=00:00:03"];

    [Fact]
    public async Task A_patron_signs_in_by_touch_alone_on_the_on_screen_keyboard_and_the_PIN_screen_shows_the_masked_card()
    {
        await using var kiosk = await KioskHost.StartAsync();
        await using var patron = await PatronBrowser.OpenAsync(kiosk);
        var page = patron.Page;

        await patron.TapAsync("Mượn sách");
        await patron.TypeCardAsync(IlsSampleData.AdultPatron);
        await Assertions.Expect(page.Locator("#card-number")).ToHaveValueAsync(IlsSampleData.AdultPatron);
        await patron.Button("Tiếp tục", page.Locator("#screen-sign-in")).ClickAsync();

        await Assertions.Expect(page.Locator("#screen-pin")).ToBeVisibleAsync(PatronBrowser.Visible);
        await Assertions.Expect(page.Locator("#pin-card")).ToHaveTextAsync("Thẻ …0001");
        await patron.TypePinAsync(IlsSampleData.AdultPin);
        await patron.Button("Tiếp tục", page.Locator("#screen-pin")).ClickAsync();
        await Assertions.Expect(page.Locator("#screen-borrow")).ToBeVisibleAsync(PatronBrowser.Visible);
        await Assertions.Expect(page.Locator("#borrow-tray")).ToContainTextAsync("khay đặt sách");
    }

    [Fact]
    public async Task A_card_number_typed_in_lower_case_signs_in()
    {
        // A keyboard-wedge scanner or a plugged-in keyboard types into the same field; the server upper-cases the card.
        await using var kiosk = await KioskHost.StartAsync();
        await using var patron = await PatronBrowser.OpenAsync(kiosk);
        var page = patron.Page;

        await patron.TapAsync("Mượn sách");
        await page.Locator("#card-number").FillAsync("bd0001");
        await patron.Button("Tiếp tục", page.Locator("#screen-sign-in")).ClickAsync();

        await Assertions.Expect(page.Locator("#screen-pin")).ToBeVisibleAsync(PatronBrowser.Visible);
    }

    [Fact]
    public async Task A_patron_is_greeted_by_given_name_and_told_of_holds_waiting()
    {
        await using var kiosk = await KioskHost.StartAsync();
        await using var patron = await PatronBrowser.OpenAsync(kiosk);
        var page = patron.Page;

        await patron.SignInByTouchAsync(IlsSampleData.HolderPatron, IlsSampleData.HolderPin);

        await Assertions.Expect(page.Locator("#borrow-heading")).ToHaveTextAsync("Chào Lan", new() { Timeout = Browser.Patience });
        await Assertions.Expect(page.Locator("#patron-facts")).ToContainTextAsync("Bạn được mượn thêm");
        await Assertions.Expect(page.Locator("#patron-facts")).ToContainTextAsync("Có 1 cuốn sách bạn đặt trước đang chờ ở quầy thủ thư.");
    }

    [Fact]
    public async Task A_patron_whose_card_may_not_borrow_is_told_what_to_do_and_never_asked_to_lay_books_down()
    {
        await using var kiosk = await KioskHost.StartAsync();
        await using var patron = await PatronBrowser.OpenAsync(kiosk);
        var page = patron.Page;

        await patron.SignInByTouchAsync(IlsSampleData.BlockedPatron, IlsSampleData.BlockedPin);

        await Assertions.Expect(page.Locator("#cannot-borrow")).ToContainTextAsync("Vui lòng đến quầy thủ thư", new() { Timeout = Browser.Patience });
        await Assertions.Expect(page.Locator("#borrow-tray")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#borrow-items")).ToBeHiddenAsync();
        await Assertions.Expect(patron.Button("Xác nhận mượn")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_patron_who_owes_too_much_hears_the_amount_and_where_to_go()
    {
        await using var kiosk = await KioskHost.StartAsync();
        await using var patron = await PatronBrowser.OpenAsync(kiosk);
        var page = patron.Page;

        await patron.SignInByTouchAsync(IlsSampleData.FinedPatron, IlsSampleData.FinedPin);

        await Assertions.Expect(page.Locator("#cannot-borrow")).ToContainTextAsync("Bạn còn nợ 150.000 đ — vui lòng đến quầy thủ thư", new() { Timeout = Browser.Patience });
        await Assertions.Expect(page.Locator("#borrow-tray")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task The_receipt_question_is_hidden_when_nothing_was_lent_and_gone_once_answered()
    {
        await using var kiosk = await KioskHost.StartAsync();
        await using var patron = await PatronBrowser.OpenAsync(kiosk);
        var page = patron.Page;
        await patron.SignInByTouchAsync(IlsSampleData.AdultPatron, IlsSampleData.AdultPin);
        await Assertions.Expect(page.Locator("#screen-borrow")).ToBeVisibleAsync(PatronBrowser.Visible);

        // A reference book is never lent: an outcome, and no receipt to offer.
        await patron.PadAsync("place", IlsSampleData.ReferenceItem);
        await Assertions.Expect(page.Locator("#borrow-items li")).ToHaveCountAsync(1, new() { Timeout = Browser.Patience });
        await patron.TapAsync("Xác nhận mượn");
        await Assertions.Expect(page.Locator("#outcomes li.bad")).ToContainTextAsync("Chưa mượn được", new() { Timeout = Browser.Patience });
        await Assertions.Expect(page.Locator("#receipt-ask")).ToBeHiddenAsync();
        await Assertions.Expect(patron.Button("Có")).ToHaveCountAsync(0);

        await patron.TapAsync("Xong");
        await patron.PadAsync("remove", IlsSampleData.ReferenceItem);
        await patron.PadAsync("place", IlsSampleData.AvailableBook);
        await Assertions.Expect(page.Locator("#borrow-items li")).ToHaveCountAsync(1, new() { Timeout = Browser.Patience });
        await Assertions.Expect(page.Locator("#borrow-items")).ToContainTextAsync("Truyện Kiều");
        await patron.TapAsync("Xác nhận mượn");
        await Assertions.Expect(page.Locator("#outcomes li.ok")).ToContainTextAsync("Hạn trả", new() { Timeout = Browser.Patience });
        await Assertions.Expect(page.Locator("#receipt-ask")).ToBeVisibleAsync();
        await patron.TapAsync("Không");

        await Assertions.Expect(page.Locator("#receipt-ask")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#receipt-status")).ToHaveTextAsync("Không in biên lai.");
    }

    [Fact]
    public async Task A_secured_book_left_on_the_tray_is_named_when_the_patron_finishes()
    {
        await using var kiosk = await KioskHost.StartAsync();
        await using var patron = await PatronBrowser.OpenAsync(kiosk);
        var page = patron.Page;
        await patron.SignInByTouchAsync(IlsSampleData.AdultPatron, IlsSampleData.AdultPin);
        await patron.PadAsync("place", IlsSampleData.SecondAvailableBook);

        // The empty tray's line is a list item too: wait for the book itself to land.
        await Assertions.Expect(page.Locator("#borrow-items li", new() { HasText = "Chí Phèo" })).ToBeVisibleAsync(PatronBrowser.Visible);
        await patron.TapAsync("Kết thúc");

        await Assertions.Expect(page.Locator("#left-on-pad")).ToContainTextAsync("Chí Phèo chưa được mượn — vui lòng để lại", new() { Timeout = Browser.Patience });
    }

    [Theory]
    [InlineData("sign-in error")]
    [InlineData("PIN")]
    [InlineData("result")]
    [InlineData("account")]
    [InlineData("return list")]
    public async Task Left_alone_the_screen_goes_home_in_Vietnamese_with_nothing_of_the_last_patron(string screen)
    {
        await using var kiosk = await KioskHost.StartAsync(ShortTimeouts);
        await using var patron = await PatronBrowser.OpenAsync(kiosk);
        var page = patron.Page;
        await patron.TapAsync("English");
        await Assertions.Expect(page.Locator("#home-heading")).ToHaveTextAsync("Hello! What would you like to do?");

        switch (screen)
        {
            case "sign-in error":
                await patron.TapAsync("Borrow books");
                await patron.TypeCardAsync("ZZ9");
                await patron.Button("Continue", page.Locator("#screen-sign-in")).ClickAsync();
                await Assertions.Expect(page.Locator("#sign-in-error")).ToContainTextAsync("This card was not found", new() { Timeout = Browser.Patience });
                break;
            case "PIN":
                await patron.TapAsync("Borrow books");
                await patron.TypeCardAsync(IlsSampleData.AdultPatron);
                await patron.Button("Continue", page.Locator("#screen-sign-in")).ClickAsync();
                await Assertions.Expect(page.Locator("#screen-pin")).ToBeVisibleAsync(PatronBrowser.Visible);
                await patron.TypePinAsync("12");
                break;
            case "result":
                await SignInInEnglishAsync(patron, "Borrow books");
                await patron.PadAsync("place", IlsSampleData.AvailableBook);
                await Assertions.Expect(page.Locator("#borrow-items li")).ToHaveCountAsync(1, new() { Timeout = Browser.Patience });
                await patron.TapAsync("Confirm");
                await Assertions.Expect(page.Locator("#outcomes")).ToContainTextAsync("Truyện Kiều", new() { Timeout = Browser.Patience });
                break;
            case "account":
                await SignInInEnglishAsync(patron, "My account");
                await Assertions.Expect(page.Locator("#screen-account")).ToBeVisibleAsync(PatronBrowser.Visible);
                break;
            case "return list":
                await patron.TapAsync("Return books");
                await patron.PadAsync("place", IlsSampleData.OnLoanItem);
                await Assertions.Expect(page.Locator("#return-items")).ToContainTextAsync("Số đỏ", new() { Timeout = Browser.Patience });
                break;
        }

        await patron.ExpectHomeInVietnameseAsync();
        Assert.DoesNotContain("Truyện Kiều", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Số đỏ", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
    }

    private static async Task SignInInEnglishAsync(PatronBrowser patron, string start)
    {
        var page = patron.Page;
        await patron.TapAsync(start);
        await patron.TypeCardAsync(IlsSampleData.AdultPatron);
        await patron.Button("Continue", page.Locator("#screen-sign-in")).ClickAsync();
        await Assertions.Expect(page.Locator("#screen-pin")).ToBeVisibleAsync(PatronBrowser.Visible);
        await patron.TypePinAsync(IlsSampleData.AdultPin);
        await patron.Button("Continue", page.Locator("#screen-pin")).ClickAsync();
    }
}
