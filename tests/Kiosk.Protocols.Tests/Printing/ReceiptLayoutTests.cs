using Kiosk.Protocols.Printing;

namespace Kiosk.Protocols.Tests.Printing;

public sealed class ReceiptLayoutTests
{
    [Fact]
    public void Patron_display_name_shows_only_the_last_four_characters_of_the_card()
    {
        var patron = PatronDisplayName.Create("Nguyễn Văn An", "20000123456789");

        Assert.Equal("6789", patron.CardSuffix);
        Assert.Equal("Nguyễn Văn An (...6789)", patron.ToString());
    }

    [Theory]
    [InlineData("1234", "234")]
    [InlineData("12", "2")]
    [InlineData("1", "")]
    public void A_card_of_four_characters_or_fewer_is_never_shown_whole(string card, string expectedSuffix) =>
        Assert.Equal(expectedSuffix, PatronDisplayName.Create("A", card).CardSuffix);

    [Fact]
    public void A_name_that_contains_the_card_number_has_it_replaced_by_the_suffix()
    {
        var patron = PatronDisplayName.Create("Reader 20000123456789", "20000123456789");

        Assert.DoesNotContain("20000123456789", patron.ToString(), StringComparison.Ordinal);
        Assert.Contains("...6789", patron.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Long_titles_wrap_on_word_boundaries_with_a_hanging_indent()
    {
        var lines = ReceiptLayout.Wrap("1. Truyện Kiều bản chú giải đầy đủ", 16, 3);

        Assert.Equal(["1. Truyện Kiều", "   bản chú giải", "   đầy đủ"], lines);
    }

    [Fact]
    public void A_word_longer_than_the_line_is_cut()
    {
        Assert.Equal(["abcdefghij", "klm"], ReceiptLayout.Wrap("abcdefghijklm", 10));
    }

    [Fact]
    public void No_laid_out_line_is_wider_than_the_paper()
    {
        var lines = ReceiptLayout.Layout(ReceiptSamples.Vietnamese(), ReceiptLayout.Width58Millimetres);

        Assert.All(lines, line => Assert.True(line.Text.Length <= 32, line.Text));
        Assert.Contains(lines, line => line.Text == "   Hạn trả: 15/07/2025");
        Assert.Contains(lines, line => line.Text == "   Đã trả");
        Assert.Contains(lines, line => line.Text == "Ngày in: 01/07/2025 14:05");
    }

    [Fact]
    public void English_receipts_use_English_labels_and_keep_the_titles()
    {
        var receipt = ReceiptSamples.Vietnamese() with { Language = ReceiptLanguage.English };

        var text = string.Join('\n', ReceiptLayout.Layout(receipt, 48).Select(line => line.Text));

        Assert.Contains("Due: 15/07/2025", text, StringComparison.Ordinal);
        Assert.Contains("Items borrowed: 2", text, StringComparison.Ordinal);
        Assert.Contains("Items returned: 1", text, StringComparison.Ordinal);
        Assert.Contains("Lược sử thời gian", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hạn trả", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_from_the_ILS_cannot_reach_the_printer_as_commands()
    {
        var receipt = ReceiptSamples.Vietnamese() with { PrintLines = ["abc\u001B@def"] };

        var lines = ReceiptLayout.Layout(receipt, 48);

        Assert.DoesNotContain(lines, line => line.Text.Any(char.IsControl));
    }
}
