using System.Globalization;
using System.Text;
using Kiosk.Devices.Printers.Rendering;

namespace Kiosk.Devices.Tests.Printers;

public sealed class ReceiptFontsTests
{
    // Every Vietnamese letter, lower and upper case: 12 base vowels/consonants with marks × 5 tones, plus đ.
    private const string VietnameseLowercase =
        "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ";

    [Fact]
    public void The_receipt_fonts_are_Noto_Sans_loaded_from_resources_embedded_in_Kiosk_Devices()
    {
        using var regular = ReceiptFonts.OpenResource(ReceiptFonts.RegularResourceName);
        using var bold = ReceiptFonts.OpenResource(ReceiptFonts.BoldResourceName);

        Assert.True(regular.Length > 100_000);
        Assert.True(bold.Length > 100_000);
        Assert.Equal("Noto Sans", ReceiptFonts.Regular.FamilyName);
        Assert.Equal("Noto Sans", ReceiptFonts.Bold.FamilyName);
        Assert.Equal(400, ReceiptFonts.Regular.FontWeight);
        Assert.Equal(700, ReceiptFonts.Bold.FontWeight);
    }

    [Fact]
    public void The_embedded_font_typeface_is_the_embedded_file_not_a_system_font()
    {
        // A typeface from a stream reports the glyph count of that file; the system's fallback would not match it.
        using var stream = ReceiptFonts.OpenResource(ReceiptFonts.RegularResourceName);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        using var fromBytes = SkiaSharp.SKTypeface.FromStream(copy);

        Assert.NotNull(fromBytes);
        Assert.True(ReceiptFonts.Regular.GlyphCount > 2000);
        Assert.Equal(fromBytes.GlyphCount, ReceiptFonts.Regular.GlyphCount);
    }

    [Fact]
    public void Both_receipt_fonts_have_a_glyph_for_every_Vietnamese_letter()
    {
        var letters = VietnameseLowercase + VietnameseLowercase.ToUpper(CultureInfo.InvariantCulture);
        Assert.Equal(2 * 89, letters.Length);
        Assert.True(letters.IsNormalized(NormalizationForm.FormC));

        using var regular = new SkiaSharp.SKFont(ReceiptFonts.Regular, 22);
        using var bold = new SkiaSharp.SKFont(ReceiptFonts.Bold, 22);
        Assert.True(regular.ContainsGlyphs(letters));
        Assert.True(bold.ContainsGlyphs(letters));
    }

    [Fact]
    public void The_font_licence_travels_with_the_fonts()
    {
        using var stream = ReceiptFonts.OpenResource(ReceiptFonts.LicenseResourceName);
        using var reader = new StreamReader(stream);

        var text = reader.ReadToEnd();

        Assert.Contains("SIL OPEN FONT LICENSE Version 1.1", text, StringComparison.Ordinal);
        Assert.Contains("Google", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_resource_is_reported_with_its_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ReceiptFonts.OpenResource("Kiosk.Devices.Missing.ttf"));

        Assert.Contains("Kiosk.Devices.Missing.ttf", error.Message, StringComparison.Ordinal);
    }
}
