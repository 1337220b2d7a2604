using Kiosk.Protocols.Printing;
using Kiosk.Protocols.Printing.EscPos;

namespace Kiosk.Protocols.Tests.Printing;

/// <summary>
/// User-defined characters (Epson reference, "ESC &amp; Define user-defined characters" and "ESC % Select/cancel
/// user-defined character set"), and the glyph mode built on them.
/// </summary>
public sealed class UserCharacterTests
{
    [Fact]
    public void Define_user_characters_sends_each_glyph_column_by_column_three_bytes_top_to_bottom()
    {
        // One 2-column glyph for 'A' (0x41): column 0 inked on rows 0 and 23, column 1 on row 8 only.
        var glyph = new MonochromeBitmap(2, 24);
        glyph[0, 0] = true;
        glyph[0, 23] = true;
        glyph[1, 8] = true;

        var bytes = new DefineUserCharactersCommand(0x41, [glyph]).ToBytes();

        // ESC & y=3 c1=0x41 c2=0x41, x=2, then 2 × 3 bytes: 80 00 01 | 00 80 00.
        Assert.Equal("1B2603414102800001008000", Convert.ToHexString(bytes));
    }

    [Theory]
    [InlineData(true, "1B2501")]
    [InlineData(false, "1B2500")]
    public void Select_and_cancel_user_characters_is_ESC_percent_n(bool selected, string expected) =>
        Assert.Equal(expected, Convert.ToHexString(new SelectUserCharactersCommand(selected).ToBytes()));

    [Fact]
    public void Codes_outside_0x20_to_0x7E_and_glyphs_wider_than_Font_A_are_refused()
    {
        var glyph = new MonochromeBitmap(12, 24);
        Assert.Throws<ArgumentException>(() => new DefineUserCharactersCommand(0x7E, [glyph, glyph]));
        Assert.Throws<ArgumentException>(() => new DefineUserCharactersCommand(0x1F, [glyph]));
        Assert.Throws<ArgumentException>(() => new DefineUserCharactersCommand(0x41, [new MonochromeBitmap(13, 24)]));
        Assert.Throws<ArgumentException>(() => new DefineUserCharactersCommand(0x41, []));
    }

    [Fact]
    public void The_decoder_reads_the_glyphs_back_and_gives_them_to_the_text_printed_with_them()
    {
        var glyph = NumberedGlyphs.For(5);
        var job = new EscPosWriter().Initialize()
            .Write(new DefineUserCharactersCommand(0x21, [glyph]))
            .Write(new SelectUserCharactersCommand(true))
            .Text("! !"u8).LineFeed()
            .Write(new SelectUserCharactersCommand(false))
            .Text("!"u8).LineFeed()
            .ToArray();

        var document = EscPosDecoder.DecodeAll(job, new EscPosDecoderOptions { RecognizeUserCharacter = NumberedGlyphs.Recognize });

        var define = Assert.IsType<DefineUserCharactersCommand>(document.Items[1].Command);
        Assert.Equal(glyph.PackedRows.ToArray(), define.Glyphs[0].PackedRows.ToArray());
        var text = document.Items.Where(item => item.Kind == EscPosItemKind.Text).ToList();
        Assert.Equal("5 5", text[0].Text);
        Assert.NotNull(text[0].Glyphs![0]);
        Assert.Null(text[0].Glyphs![1]);
        Assert.Equal("!", text[1].Text);
        Assert.Null(text[1].Glyphs);
        Assert.Empty(document.Problems);
    }

    [Fact]
    public void Without_a_recogniser_a_user_defined_character_decodes_as_the_replacement_character_never_as_its_code()
    {
        var job = new EscPosWriter()
            .Write(new DefineUserCharactersCommand(0x41, [NumberedGlyphs.For(1)]))
            .Write(new SelectUserCharactersCommand(true))
            .Text("AB"u8).LineFeed()
            .ToArray();

        Assert.Equal("\uFFFDB\n", EscPosDecoder.DecodeAll(job).Text);
    }

    [Fact]
    public void ESC_at_forgets_the_defined_glyphs_and_the_selection()
    {
        var job = new EscPosWriter()
            .Write(new DefineUserCharactersCommand(0x41, [NumberedGlyphs.For(1)]))
            .Write(new SelectUserCharactersCommand(true))
            .Initialize()
            .Write(new SelectUserCharactersCommand(true))
            .Text("A"u8).LineFeed()
            .ToArray();

        Assert.Equal("A\n", EscPosDecoder.DecodeAll(job).Text);
    }

    [Theory]
    [InlineData("1B2604414100")] // y = 4: no Font A cell is 32 dots high
    [InlineData("1B2603424100")] // c1 > c2
    [InlineData("1B2603414112")] // a glyph claiming 18 columns
    public void A_malformed_definition_is_reported_and_skipped_without_throwing(string hex)
    {
        var bytes = Convert.FromHexString(hex + "0A");

        var document = EscPosDecoder.DecodeAll(bytes);

        Assert.Single(document.Problems);
        Assert.Equal("ESC &", document.Problems[0].Name);
    }

    [Fact]
    public void A_definition_cut_short_waits_for_the_rest_and_is_reported_as_truncated_at_the_end()
    {
        var whole = new DefineUserCharactersCommand(0x41, [NumberedGlyphs.For(3)]).ToBytes();
        var decoder = new EscPosDecoder();
        decoder.Feed(whole.AsSpan(0, 20));
        Assert.False(decoder.TryRead(out _));

        decoder.Feed(whole.AsSpan(20));
        Assert.True(decoder.TryRead(out var item));
        Assert.IsType<DefineUserCharactersCommand>(item.Command);

        decoder.Feed(whole.AsSpan(0, 10));
        decoder.Complete();
        Assert.True(decoder.TryRead(out var truncated));
        Assert.Equal(EscPosItemKind.Malformed, truncated.Kind);
    }

    [Fact]
    public void A_glyph_mode_receipt_decodes_back_to_its_laid_out_text()
    {
        var receipt = ReceiptSamples.Vietnamese();
        var glyphs = new NumberedGlyphs();

        var bytes = ReceiptGlyphModeEncoder.Encode(receipt, new TextModeCapabilities(), glyphs).ToBytes();
        var document = EscPosDecoder.DecodeAll(bytes, new EscPosDecoderOptions { RecognizeUserCharacter = glyphs.RecognizeElement });

        var expected = string.Concat(ReceiptLayout.Layout(receipt, ReceiptLayout.Width80Millimetres).Select(line => line.Text.Normalize() + "\n"));
        Assert.Equal(expected, document.Text);
        Assert.Empty(document.Problems);
        Assert.Equal(0, document.UnknownCount);
    }

    [Fact]
    public void Each_letter_is_sent_once_while_the_94_codes_suffice()
    {
        var receipt = ReceiptSamples.Vietnamese();
        var glyphs = new NumberedGlyphs();

        var bytes = ReceiptGlyphModeEncoder.Encode(receipt, new TextModeCapabilities(), glyphs).ToBytes();

        var distinct = ReceiptLayout.Layout(receipt, ReceiptLayout.Width80Millimetres)
            .SelectMany(line => Elements(line.Text.Normalize()))
            .Where(element => element != " ").Distinct().Count();
        Assert.InRange(distinct, 1, 94);
        var defined = EscPosDecoder.DecodeAll(bytes).Items.Select(item => item.Command).OfType<DefineUserCharactersCommand>().Sum(define => define.Glyphs.Count);
        Assert.Equal(distinct, defined);
    }

    [Fact]
    public void When_more_than_94_letters_are_needed_the_least_recently_printed_codes_are_reused_and_every_line_still_reads_back()
    {
        // 200 distinct characters over 10 lines of 20, then the first line again: its letters were evicted and come back.
        var lines = Enumerable.Range(0, 10).Select(line => new string([.. Enumerable.Range(0, 20).Select(i => (char)(0x4E00 + (line * 20) + i))])).ToList();
        lines.Add(lines[0]);
        var glyphs = new NumberedGlyphs();
        var writer = new EscPosWriter().Write(new SelectUserCharactersCommand(true));
        var lineWriter = new UserCharacterLineWriter(glyphs);
        foreach (var line in lines)
        {
            lineWriter.Write(writer, line);
            writer.LineFeed();
        }

        var text = EscPosDecoder.DecodeAll(writer.ToArray(), new EscPosDecoderOptions { RecognizeUserCharacter = glyphs.RecognizeElement }).Text;

        Assert.Equal(string.Concat(lines.Select(line => line + "\n")), text);
        Assert.Equal(220, lineWriter.GlyphsDefined);
    }

    [Fact]
    public void A_line_repeating_letters_already_held_defines_nothing_new()
    {
        var glyphs = new NumberedGlyphs();
        var writer = new EscPosWriter();
        var lineWriter = new UserCharacterLineWriter(glyphs);
        lineWriter.Write(writer, "Hà Nội");
        var afterFirst = lineWriter.GlyphsDefined;

        lineWriter.Write(writer, "Nội Hà");

        Assert.Equal(5, afterFirst);
        Assert.Equal(5, lineWriter.GlyphsDefined);
    }

    private static IEnumerable<string> Elements(string text)
    {
        var enumerator = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            yield return enumerator.GetTextElement();
        }
    }

    /// <summary>
    /// A stand-in for the font renderer (which needs SkiaSharp, in Kiosk.Devices): glyph n has n's bits in its first
    /// rows, so each text element gets a different picture and the recogniser can read it back.
    /// </summary>
    private sealed class NumberedGlyphs : IUserCharacterGlyphs
    {
        private readonly Dictionary<string, int> _numbers = [];
        private readonly List<string> _elements = [];

        public static MonochromeBitmap For(int number)
        {
            var glyph = new MonochromeBitmap(12, 24);
            for (var bit = 0; bit < 24; bit++)
            {
                glyph[bit % 12, bit / 12] = ((number >> bit) & 1) == 1;
            }

            glyph[0, 23] = true;
            return glyph;
        }

        public static string? Recognize(MonochromeBitmap glyph) => Number(glyph).ToString(System.Globalization.CultureInfo.InvariantCulture);

        public MonochromeBitmap Render(string textElement)
        {
            if (!_numbers.TryGetValue(textElement, out var number))
            {
                number = _elements.Count;
                _numbers[textElement] = number;
                _elements.Add(textElement);
            }

            return For(number);
        }

        public string? RecognizeElement(MonochromeBitmap glyph) => Number(glyph) is var n && n < _elements.Count ? _elements[n] : null;

        private static int Number(MonochromeBitmap glyph)
        {
            var number = 0;
            for (var bit = 0; bit < 24; bit++)
            {
                number |= glyph[bit % 12, bit / 12] ? 1 << bit : 0;
            }

            return number;
        }
    }
}
