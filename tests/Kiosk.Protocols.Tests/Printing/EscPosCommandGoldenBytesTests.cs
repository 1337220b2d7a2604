using Kiosk.Protocols.Printing.EscPos;

namespace Kiosk.Protocols.Tests.Printing;

/// <summary>
/// Golden bytes from the Epson "ESC/POS Command Reference for TM printers"; each test names the command page. The QR
/// function bytes also match the HPRT TP80K and Partner RP-330 manuals' copies of GS ( k functions 169, 180 and 181.
/// </summary>
public sealed class EscPosCommandGoldenBytesTests
{
    [Fact]
    public void Initialize_printer_is_ESC_at() => AssertBytes("1B40", new InitializeCommand());

    [Fact]
    public void Select_character_code_table_30_is_ESC_t_1E() => AssertBytes("1B741E", new SelectCodePageCommand(30));

    [Theory]
    [InlineData(true, "1B4501")]
    [InlineData(false, "1B4500")]
    public void Turn_emphasized_mode_on_and_off_is_ESC_E_n(bool on, string expected) => AssertBytes(expected, new BoldCommand(on));

    [Theory]
    [InlineData(EscPosAlignment.Left, "1B6100")]
    [InlineData(EscPosAlignment.Center, "1B6101")]
    [InlineData(EscPosAlignment.Right, "1B6102")]
    public void Select_justification_is_ESC_a_n(EscPosAlignment alignment, string expected) => AssertBytes(expected, new AlignCommand(alignment));

    [Theory]
    [InlineData(1, 1, "1D2100")]
    [InlineData(1, 2, "1D2101")]
    [InlineData(2, 1, "1D2110")]
    [InlineData(8, 8, "1D2177")]
    public void Select_character_size_puts_width_in_the_high_nibble_and_height_in_the_low(int width, int height, string expected) =>
        AssertBytes(expected, new CharacterSizeCommand(width, height));

    [Fact]
    public void Print_and_line_feed_is_LF() => AssertBytes("0A", new LineFeedCommand());

    [Fact]
    public void Print_and_feed_n_lines_is_ESC_d_n() => AssertBytes("1B6403", new FeedLinesCommand(3));

    [Fact]
    public void Print_and_feed_paper_is_ESC_J_n() => AssertBytes("1B4A18", new FeedDotsCommand(24));

    [Theory]
    [InlineData(EscPosCutMode.Full, null, "1D5600")]
    [InlineData(EscPosCutMode.Partial, null, "1D5601")]
    [InlineData(EscPosCutMode.Full, (byte)0, "1D564100")]
    [InlineData(EscPosCutMode.Partial, (byte)3, "1D564203")]
    public void Select_cut_mode_and_cut_paper_uses_function_A_without_feed_and_B_with_it(EscPosCutMode mode, byte? feed, string expected) =>
        AssertBytes(expected, new CutCommand(mode, feed));

    [Fact]
    public void Set_barcode_height_is_GS_h_n() => AssertBytes("1D6850", new BarcodeHeightCommand(80));

    [Fact]
    public void Select_print_position_of_HRI_characters_below_is_GS_H_2() => AssertBytes("1D4802", new BarcodeHriPositionCommand(EscPosHriPosition.Below));

    [Fact]
    public void Print_barcode_CODE128_is_function_B_m_73_with_the_code_set_B_selector() =>
        AssertBytes("1D6B49067B4241423132", BarcodeCommand.Code128("AB12"));

    [Fact]
    public void A_literal_brace_in_CODE128_data_is_doubled() =>
        AssertBytes("1D6B49057B427B7B41", BarcodeCommand.Code128("{A"));

    [Fact]
    public void QR_code_is_functions_165_167_169_180_and_181_in_that_order() =>
        AssertBytes(
            "1D286B0400314132" + "00"
            + "1D286B03003143" + "06"
            + "1D286B03003145" + "31"
            + "1D286B0800315030" + "4B494F534B"
            + "1D286B0300315130",
            new QrCodeCommand("KIOSK"u8, moduleSize: 6, QrCodeErrorCorrection.Medium));

    [Fact]
    public void Print_raster_bit_image_gives_width_in_bytes_and_height_in_dots_little_endian()
    {
        var bitmap = new MonochromeBitmap(16, 2, [0x80, 0x01, 0xFF, 0x00]);

        AssertBytes("1D763000" + "0200" + "0200" + "8001FF00", new RasterImageCommand(bitmap));
    }

    [Fact]
    public void Raster_header_encodes_a_576_dot_width_as_72_bytes()
    {
        var bytes = new RasterImageCommand(new MonochromeBitmap(576, 300)).ToBytes();

        Assert.Equal("1D763000" + "4800" + "2C01", Convert.ToHexString(bytes.AsSpan(0, 8)));
        Assert.Equal(8 + (72 * 300), bytes.Length);
    }

    [Theory]
    [InlineData(RealTimeStatusKind.Printer, "100401")]
    [InlineData(RealTimeStatusKind.RollPaper, "100404")]
    public void Transmit_real_time_status_is_DLE_EOT_n(RealTimeStatusKind kind, string expected) =>
        AssertBytes(expected, new RealTimeStatusRequestCommand(kind));

    [Fact]
    public void Writer_concatenates_commands_in_order()
    {
        var bytes = new EscPosWriter().Initialize().SelectCodePage(30).Bold(true).Text("ab"u8).LineFeed().Cut(EscPosCutMode.Partial).ToArray();

        Assert.Equal("1B40" + "1B741E" + "1B4501" + "6162" + "0A" + "1D5601", Convert.ToHexString(bytes));
    }

    [Fact]
    public void Text_refuses_a_control_byte_because_it_would_start_a_command() =>
        Assert.Throws<ArgumentException>(() => new TextCommand([0x41, 0x1B]));

    private static void AssertBytes(string expectedHex, EscPosCommand command) =>
        Assert.Equal(expectedHex, Convert.ToHexString(command.ToBytes()));
}
