using Kiosk.Devices.Printers;
using Kiosk.Devices.Printers.Rendering;
using Kiosk.Protocols.Printing.EscPos;

namespace Kiosk.Devices.Tests.Printers;

/// <summary>The embedded font's letters as 12 × 24 user-defined characters, and reading them back.</summary>
public sealed class UserCharacterGlyphRendererTests
{
    // Every Vietnamese letter with every tone, in both cases (the 134 of TCVN 6909's Vietnamese repertoire), and ASCII.
    private const string VietnameseLetters =
        "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ";

    public static TheoryData<string> Letters()
    {
        var data = new TheoryData<string>();
        foreach (var letter in VietnameseLetters)
        {
            data.Add(letter.ToString());
            data.Add(char.ToUpperInvariant(letter).ToString());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Letters))]
    public void Every_Vietnamese_letter_fits_a_Font_A_cell_with_its_marks_inside_and_reads_back_as_itself(string letter)
    {
        var glyph = new UserCharacterGlyphRenderer().Render(letter);

        Assert.Equal(UserCharacterGlyphRenderer.CellWidth, glyph.Width);
        Assert.Equal(UserCharacterGlyphRenderer.CellHeight, glyph.Height);
        Assert.Contains(Enumerable.Range(0, glyph.Height), y => !glyph.IsRowBlank(y));
        Assert.Equal(letter, UserCharacterRecognizer.Shared.Recognize(glyph));
    }

    [Fact]
    public void No_two_Vietnamese_letters_draw_alike()
    {
        var renderer = new UserCharacterGlyphRenderer();
        var letters = VietnameseLetters + VietnameseLetters.ToUpperInvariant();

        var distinct = letters.Select(letter => Convert.ToHexString(renderer.Render(letter.ToString()).PackedRows)).Distinct().Count();

        Assert.Equal(letters.Length, distinct);
    }

    [Fact]
    public void The_stacked_marks_of_capitals_stay_inside_the_top_rows_and_descenders_inside_the_bottom_rows()
    {
        var renderer = new UserCharacterGlyphRenderer();

        // The marks above Ẳ reach the top rows (so the size uses the cell's whole height), a bare capital leaves them
        // blank (so marks have room), and the descender of g reaches the bottom rows.
        Assert.False(renderer.Render("Ẳ").IsRowBlank(0) && renderer.Render("Ẳ").IsRowBlank(1) && renderer.Render("Ẳ").IsRowBlank(2));
        Assert.True(renderer.Render("A").IsRowBlank(0) && renderer.Render("A").IsRowBlank(1));
        Assert.False(renderer.Render("g").IsRowBlank(22) && renderer.Render("g").IsRowBlank(23));
    }

    [Fact]
    public void A_glyph_the_recogniser_never_drew_is_not_recognised()
    {
        var glyph = new MonochromeBitmap(12, 24);
        glyph[3, 3] = true;

        Assert.Null(UserCharacterRecognizer.Shared.Recognize(glyph));
    }

    [Fact]
    public void Raster_glyph_mode_sends_far_fewer_bytes_than_raster_bands_for_the_same_receipt()
    {
        var receipt = PrinterTestReceipts.Vietnamese();
        var bands = new ReceiptJobBuilder(new PrinterProfile { Name = "bands", Mode = PrinterMode.Raster }).Build(receipt);
        var glyphs = new ReceiptJobBuilder(new PrinterProfile { Name = "glyphs", Mode = PrinterMode.RasterGlyphs }).Build(receipt);

        Assert.True(glyphs.Length * 2 < bands.Length, $"glyphs {glyphs.Length} bytes, bands {bands.Length} bytes");
    }

    [Fact]
    public void The_printer_test_page_glyph_section_decodes_to_the_pangram()
    {
        var writer = new EscPosWriter().Write(new SelectUserCharactersCommand(true));
        new UserCharacterLineWriter(UserCharacterGlyphRenderer.Shared).Write(writer, "Do bạch kim rất quý nên sẽ dùng để lắp vô xương.");

        var text = EscPosDecoder.DecodeAll(writer.ToArray(), new EscPosDecoderOptions { RecognizeUserCharacter = UserCharacterRecognizer.Shared.Recognize }).Text;

        Assert.Equal("Do bạch kim rất quý nên sẽ dùng để lắp vô xương.", text);
    }
}
