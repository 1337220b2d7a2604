using System.Globalization;
using Kiosk.Simulators.Ils;
using Microsoft.Playwright;

namespace KioskController.Tests;

/// <summary>
/// A stack of ten books on the tray, in the real Chromium at a portrait and a landscape screen: one just returned and
/// left there, one the library never lends, eight to borrow. Every book gets its line, with one due date each, in the
/// library's time zone even when the browser's machine is set to another.
/// </summary>
public sealed class PatronStackBrowserTests
{
    private static readonly string[] NewBooks = ["TV1001", "TV1002", "TV1003", "TV1004", "TV1005", "TV1006", "TV1007", "TV1008"];

    [Theory]
    [InlineData(1080, 1920)]
    [InlineData(1280, 800)]
    public async Task Ten_books_each_get_an_outcome_one_already_returned_and_one_refused(int width, int height)
    {
        await using var kiosk = await KioskHost.StartAsync();
        // A machine left in a zone far from the library's: 23:59:59 in Hà Nội is still the day before in California.
        await using var patron = await PatronBrowser.OpenAsync(kiosk, width, height, timeZone: "America/Los_Angeles");
        var page = patron.Page;
        var library = patron.Ils.Library;
        library.AddOrReplacePatron(library.FindPatron(IlsSampleData.AdultPatron)! with { LoanLimit = 20 });
        foreach (var (id, number) in NewBooks.Select((id, i) => (id, i + 1)))
        {
            library.AddOrReplaceItem(new IlsItem { Identifier = id, Title = $"Tuyển tập truyện ngắn {number}", Author = "Nhiều tác giả" });
        }

        // Truyện Kiều comes back and stays on the tray.
        library.UpdateItem(IlsSampleData.AvailableBook, item => item with { BorrowerIdentifier = IlsSampleData.HolderPatron, DueDate = DateTimeOffset.Now.AddDays(3) });
        await patron.TapAsync("Trả sách");
        await patron.PadAsync("place", IlsSampleData.AvailableBook);
        await Assertions.Expect(page.Locator("#return-items li", new() { HasText = "Truyện Kiều" })).ToBeVisibleAsync(PatronBrowser.Visible);
        await patron.TapAsync("Trả các sách này");
        await Assertions.Expect(page.Locator("#outcomes li.ok")).ToContainTextAsync("Truyện Kiều", new() { Timeout = Browser.Patience });
        await patron.TapAsync("Xong");

        // The next patron lays nine more books beside it: eight to borrow and a reference book.
        await patron.SignInByTouchAsync(IlsSampleData.AdultPatron, IlsSampleData.AdultPin);
        await Assertions.Expect(page.Locator("#screen-borrow")).ToBeVisibleAsync(PatronBrowser.Visible);
        foreach (var id in NewBooks.Append(IlsSampleData.ReferenceItem))
        {
            await patron.PadAsync("place", id);
        }

        await Assertions.Expect(page.Locator("#borrow-items li", new() { HasText = "Từ điển tiếng Việt" })).ToBeVisibleAsync(PatronBrowser.Visible);
        await Assertions.Expect(page.Locator("#borrow-items li", new() { HasText = "Tuyển tập truyện ngắn" })).ToHaveCountAsync(8, new() { Timeout = Browser.Patience });
        await Assertions.Expect(page.Locator("#borrow-items li")).ToHaveCountAsync(10);
        await patron.TapAsync("Xác nhận mượn");

        await Assertions.Expect(page.Locator("#result-heading")).ToHaveTextAsync("Kết quả mượn sách", new() { Timeout = Browser.Patience });
        await Assertions.Expect(page.Locator("#outcomes li")).ToHaveCountAsync(10);
        await Assertions.Expect(page.Locator("#outcomes li.ok")).ToHaveCountAsync(8);
        var returned = page.Locator("#outcomes li", new() { HasText = "Truyện Kiều" });
        await Assertions.Expect(returned).ToContainTextAsync("vừa được trả");
        await Assertions.Expect(returned).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bok\\b"));
        await Assertions.Expect(page.Locator("#outcomes li.bad", new() { HasText = "Từ điển tiếng Việt" })).ToBeVisibleAsync();

        // One due date per book, written once: the day the ILS set, in its own (the library's) local time.
        var day = library.FindItem(NewBooks[0])!.DueDate!.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        foreach (var line in await page.Locator("#outcomes li.ok").AllInnerTextsAsync())
        {
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(line, @"\d{2}/\d{2}/\d{4}"));
            Assert.Contains(day, line, StringComparison.Ordinal);
        }

        Assert.All(NewBooks, id => Assert.Equal(IlsSampleData.AdultPatron, library.FindItem(id)!.BorrowerIdentifier));
        Assert.False(library.FindItem(IlsSampleData.AvailableBook)!.IsOnLoan);
        Assert.False(library.FindItem(IlsSampleData.ReferenceItem)!.IsOnLoan);
    }

    [Fact]
    public async Task A_returned_book_that_nobody_had_borrowed_is_not_shown_as_a_green_success()
    {
        await using var kiosk = await KioskHost.StartAsync();
        await using var patron = await PatronBrowser.OpenAsync(kiosk, 1280, 800);
        var page = patron.Page;

        await patron.TapAsync("Trả sách");
        await patron.PadAsync("place", IlsSampleData.AvailableBook);
        await patron.WaitForTrayAsync(IlsSampleData.AvailableBook);
        await patron.TapAsync("Trả các sách này");

        var line = page.Locator("#outcomes li", new() { HasText = "Truyện Kiều" });
        await Assertions.Expect(line).ToContainTextAsync("không có ai mượn", new() { Timeout = Browser.Patience });
        await Assertions.Expect(page.Locator("#outcomes li.ok")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#receipt-ask")).ToBeHiddenAsync();
    }
}
