using System.Text;
using Kiosk.Protocols.Printing.EscPos;

namespace Kiosk.Protocols.Tests.Printing;

/// <summary>
/// Underline, print positions, ESC * bit images, GS ( L / GS 8 L graphics, barcodes and QR codes, with byte layouts from
/// the Epson "ESC/POS Command Reference for TM printers" page of each command.
/// </summary>
public sealed class EscPosDecoderSymbolAndGraphicsTests
{
    [Fact]
    public void Each_new_command_decodes_back_to_an_equal_record()
    {
        var column24 = new MonochromeBitmap(3, 24);
        column24[0, 0] = column24[2, 23] = true;
        var column8 = new MonochromeBitmap(2, 8);
        column8[1, 7] = true;
        EscPosCommand[] commands =
        [
            new UnderlineCommand(2), new UnderlineCommand(0), new LineSpacingCommand(36), new LineSpacingCommand(null), new AbsolutePositionCommand(300), new RelativePositionCommand(-24),
            new BarcodeModuleWidthCommand(2), new BitImageCommand(column24, EscPosBitImageMode.TwentyFourDotDoubleDensity),
            new BitImageCommand(column8, EscPosBitImageMode.EightDotSingleDensity), new StoreGraphicsCommand(Checkerboard(20, 9), 2, 1),
            new PrintGraphicsCommand(), new QrCodeModelCommand(2), new QrCodeModuleSizeCommand(5),
            new QrCodeErrorCorrectionCommand(QrCodeErrorCorrection.Quartile), new QrCodeStoreCommand("Q"u8), new QrCodePrintCommand(),
            new BarcodeCommand(EscPosBarcodeSymbology.Ean13, "4006381333931"u8, nulTerminated: true),
            new BarcodeCommand(EscPosBarcodeSymbology.Code39, "KIOSK-42"u8),
        ];
        var bytes = new EscPosWriter().WriteAll(commands).ToArray();

        var document = EscPosDecoder.DecodeAll(bytes);

        Assert.Empty(document.Problems);
        Assert.Equal(commands.Select(command => command.GetType()), document.Items.Select(item => item.Command?.GetType()));
        Assert.Equal(commands.Select(command => Convert.ToHexString(command.ToBytes())), document.Items.Select(item => Convert.ToHexString(item.Command!.ToBytes())));
    }

    [Fact]
    public void Golden_bytes_of_underline_positions_and_graphics_printing_match_the_reference()
    {
        Assert.Equal("1B2D02", Convert.ToHexString(new UnderlineCommand(2).ToBytes()));
        Assert.Equal("1B242C01", Convert.ToHexString(new AbsolutePositionCommand(300).ToBytes()));
        Assert.Equal("1B5CE8FF", Convert.ToHexString(new RelativePositionCommand(-24).ToBytes()));
        Assert.Equal("1D284C02003032", Convert.ToHexString(new PrintGraphicsCommand().ToBytes()));

        // GS ( L pL pH 48 112 48 bx by 49 xL xH yL yH: an 8 × 1 image is 10 + 1 parameter bytes.
        var one = new MonochromeBitmap(8, 1, [0x81]);
        Assert.Equal("1D284C0B0030703001013108000100" + "81", Convert.ToHexString(new StoreGraphicsCommand(one).ToBytes()));
    }

    [Fact]
    public void A_graphics_store_too_big_for_GS_paren_L_goes_as_GS_8_L_and_decodes_the_same()
    {
        var command = new StoreGraphicsCommand(Checkerboard(576, 1000));

        var bytes = command.ToBytes();
        var decoded = Assert.IsType<StoreGraphicsCommand>(Assert.Single(EscPosDecoder.DecodeAll(bytes).Items).Command);

        Assert.Equal("1D384C", Convert.ToHexString(bytes[..3]));
        Assert.Equal(command.Bitmap.PackedRows.ToArray(), decoded.Bitmap.PackedRows.ToArray());
    }

    [Fact]
    public void A_graphics_store_whose_data_does_not_fill_its_image_is_malformed_and_the_next_command_still_decodes()
    {
        // 16 × 2 dots need 4 data bytes; this one has 3.
        byte[] job = [0x1D, 0x28, 0x4C, 13, 0, 48, 112, 48, 1, 1, 49, 16, 0, 2, 0, 0xFF, 0xFF, 0xFF, 0x41];

        var document = EscPosDecoder.DecodeAll(job);

        Assert.Contains("expected", Assert.Single(document.Problems).Summary, StringComparison.Ordinal);
        Assert.Equal("A", document.Text);
    }

    [Fact]
    public void An_ESC_star_column_image_becomes_a_bitmap_top_bit_first_with_its_printed_scale()
    {
        // m = 33 (24-dot double density), 1 column: top dot and bottom dot.
        var document = EscPosDecoder.DecodeAll([0x1B, 0x2A, 33, 1, 0, 0x80, 0x00, 0x01]);
        var image = Assert.IsType<BitImageCommand>(Assert.Single(document.Items).Command);
        Assert.True(image.Bitmap[0, 0] && image.Bitmap[0, 23] && !image.Bitmap[0, 1]);
        Assert.Equal((1, 1), (image.HorizontalScale, image.VerticalScale));

        // m = 0 (8-dot single density) prints each dot two wide and three tall.
        var single = Assert.IsType<BitImageCommand>(Assert.Single(EscPosDecoder.DecodeAll([0x1B, 0x2A, 0, 1, 0, 0x01]).Items).Command);
        Assert.Equal((2, 3, true), (single.HorizontalScale, single.VerticalScale, single.Bitmap[0, 7]));
    }

    [Theory]
    [InlineData(0x53)]
    [InlineData(0x3F)]
    public void FS_S_and_FS_question_mark_take_two_parameters_so_no_stray_byte_follows_them(byte function)
    {
        // FS S n1 n2 (Epson reference, "FS S Set left- and right-side Kanji character spacing"); FS ? c1 c2 ("Cancel
        // user-defined Kanji characters").
        var document = EscPosDecoder.DecodeAll([0x1C, function, 0x00, 0x00, 0x41]);

        Assert.Equal([$"FS {(char)function}", "text"], document.Items.Select(item => item.Name));
        Assert.Equal("A", document.Text);
    }

    [Fact]
    public void PC858_at_ESC_t_19_prints_the_euro_sign()
    {
        Assert.Equal("2,50 €", EscPosDecoder.DecodeAll([0x1B, 0x74, 19, .. "2,50 "u8, 0xD5]).Text);
        Assert.Equal("PC858", EscPosCodePageMap.Epson.NameOf(19));
    }

    [Fact]
    public void Every_named_code_page_decodes_its_upper_half()
    {
        var upper = Enumerable.Range(0x80, 0x80).Select(b => (byte)b).ToArray();
        for (var page = 0; page < 256; page++)
        {
            var name = EscPosCodePageMap.Epson.NameOf((byte)page);
            if (!name.EndsWith("(unknown)", StringComparison.Ordinal))
            {
                Assert.False(string.IsNullOrEmpty(EscPosCodePageMap.Epson.Decode((byte)page, upper)), name);
            }
        }
    }

    [Fact]
    public void Underline_and_positions_are_commands_and_positions_lay_text_out_in_Font_A_columns()
    {
        // "A", ESC - 1, ESC $ 48 dots (column 4), "B", ESC \ +24 dots (2 columns), "C", ESC - 0.
        byte[] job = [0x41, 0x1B, 0x2D, 0x01, 0x1B, 0x24, 48, 0, 0x42, 0x1B, 0x5C, 24, 0, 0x43, 0x1B, 0x2D, 0x30];

        var document = EscPosDecoder.DecodeAll(job);

        Assert.Equal("A   B  C", document.Text);
        Assert.Equal(0, document.UnknownCount);
        Assert.Equal([(byte)1, (byte)0], document.Items.Select(item => item.Command).OfType<UnderlineCommand>().Select(command => command.Thickness));
    }

    [Fact]
    public void CODE128_code_set_C_reads_as_digits_with_the_check_symbol_of_ISO_15417()
    {
        // {C 12 34 56 78: check = (105 + 12·1 + 34·2 + 56·3 + 78·4) mod 103 = 665 mod 103 = 47.
        var symbol = Assert.Single(EscPosDecoder.DecodeAll([0x1D, 0x6B, 73, 6, 0x7B, 0x43, 12, 34, 56, 78]).Symbols);

        Assert.Equal("12345678", symbol.Text);
        Assert.Equal([105, 12, 34, 56, 78, 47, 106], symbol.Code128Values);
    }

    [Theory]
    [InlineData("{BAB{C\u000c\u0022", "AB1234", new[] { 104, 33, 34, 99, 12, 34 })]
    [InlineData("{Aab", null, null)]
    [InlineData("{AA{Sa{BX", "AaX", new[] { 103, 33, 98, 65, 100, 56 })]
    [InlineData("{B{{x", "{x", new[] { 104, 91, 88 })]
    [InlineData("{B1{1", "1", new[] { 104, 17, 102 })]
    [InlineData("{C\u0064", null, null)]
    [InlineData("AB", null, null)]
    public void CODE128_selectors_shift_and_FNC_follow_the_reference(string data, string? text, int[]? leading)
    {
        var ok = EscPosCode128Data.TryParse(Encoding.Latin1.GetBytes(data), out var parsed, out var error);

        Assert.Equal(text is not null, ok);
        if (text is null)
        {
            Assert.False(string.IsNullOrEmpty(error));
            return;
        }

        Assert.Equal(text, parsed!.Text);
        Assert.Equal(leading, parsed.Values.Take(leading!.Length));
        Assert.Equal(Code128Symbology.CheckValue([.. parsed.Values.SkipLast(2)]), parsed.Values[^2]);
    }

    [Fact]
    public void A_CODE128_the_printer_would_refuse_is_malformed_not_printed()
    {
        var document = EscPosDecoder.DecodeAll([0x1D, 0x6B, 73, 3, 0x7B, 0x43, 100]);

        Assert.Empty(document.Symbols);
        Assert.Contains("code set C", Assert.Single(document.Problems).Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Barcode_settings_in_force_go_with_the_symbol_and_an_EAN13_gets_its_check_digit()
    {
        // GS h 60, GS w 2, GS H 2, then GS k function A m = 2 (JAN13/EAN13) with 12 digits.
        byte[] job = [0x1D, 0x68, 60, 0x1D, 0x77, 2, 0x1D, 0x48, 2, 0x1D, 0x6B, 2, .. "400638133393"u8, 0x00];

        var symbol = Assert.Single(EscPosDecoder.DecodeAll(job).Symbols);

        Assert.Equal((EscPosBarcodeSymbology.Ean13, "4006381333931"), (symbol.Symbology, symbol.Text));
        Assert.Equal((60, 2, EscPosHriPosition.Below), (symbol.Height, symbol.ModuleWidth, symbol.HriPosition));
    }

    [Fact]
    public void A_QR_print_carries_the_stored_data_and_settings_and_ESC_at_forgets_them()
    {
        var job = new EscPosWriter().QrCode("https://lib.example/7"u8, 4, QrCodeErrorCorrection.High).Initialize().Write(new QrCodePrintCommand()).ToArray();

        var document = EscPosDecoder.DecodeAll(job);

        var symbol = Assert.Single(document.Symbols);
        Assert.Equal((EscPosSymbolKind.QrCode, "https://lib.example/7", 2, 4, QrCodeErrorCorrection.High), (symbol.Kind, symbol.Text, symbol.QrModel, symbol.ModuleWidth, symbol.ErrorCorrection));
        Assert.Contains("nothing is stored", document.Items[^1].Summary, StringComparison.Ordinal);
    }

    private static MonochromeBitmap Checkerboard(int width, int height)
    {
        var bitmap = new MonochromeBitmap(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap[x, y] = ((x / 8) + (y / 8)) % 2 == 0;
            }
        }

        return bitmap;
    }
}
