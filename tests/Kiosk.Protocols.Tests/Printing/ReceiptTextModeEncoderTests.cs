using System.Text;
using Kiosk.Protocols.Printing;
using Kiosk.Protocols.Printing.EscPos;

namespace Kiosk.Protocols.Tests.Printing;

public sealed class ReceiptTextModeEncoderTests
{
    [Fact]
    public void A_Vietnamese_receipt_in_text_mode_decodes_back_to_the_same_text()
    {
        var receipt = ReceiptSamples.Vietnamese();
        var expected = string.Concat(ReceiptLayout.Layout(receipt, 48).Select(line => line.Text + "\n"));

        var plan = ReceiptTextModeEncoder.Encode(receipt, new TextModeCapabilities());
        var document = EscPosDecoder.DecodeAll(plan.ToBytes());

        Assert.False(plan.NeedsRaster);
        Assert.Equal(expected, document.Text);
        Assert.Empty(document.Problems);
        Assert.Equal(0, document.UnknownCount);
    }

    [Fact]
    public void A_mixed_case_line_switches_between_pages_30_and_31_within_the_line()
    {
        var receipt = ReceiptSamples.Vietnamese();

        var bytes = ReceiptTextModeEncoder.Encode(receipt, new TextModeCapabilities()).ToBytes();
        var pages = EscPosDecoder.DecodeAll(bytes).Items.Select(item => item.Command).OfType<SelectCodePageCommand>().Select(command => command.Page).Distinct();

        Assert.Equal([30, 31], pages.Order().Select(page => (int)page));
    }

    [Fact]
    public void A_clone_that_numbers_TCVN3_differently_gets_its_own_page_numbers()
    {
        var capabilities = new TextModeCapabilities { Tcvn3LowercasePage = 27, Tcvn3CapitalsPage = 28 };
        var receipt = ReceiptSamples.Vietnamese();
        var expected = string.Concat(ReceiptLayout.Layout(receipt, 48).Select(line => line.Text + "\n"));

        var bytes = ReceiptTextModeEncoder.Encode(receipt, capabilities).ToBytes();
        var options = new EscPosDecoderOptions { CodePages = EscPosCodePageMap.Epson.WithTcvn3Pages(27, 28) };

        Assert.DoesNotContain(EscPosDecoder.DecodeAll(bytes).Items, item => item.Command is SelectCodePageCommand { Page: 30 or 31 });
        Assert.Equal(expected, EscPosDecoder.DecodeAll(bytes, options).Text);
    }

    [Fact]
    public void The_card_number_never_appears_in_full_in_the_encoded_bytes()
    {
        var receipt = ReceiptSamples.Vietnamese(new ReceiptCode("https://opac.example/loans", ReceiptCodeKind.QrCode));

        var bytes = ReceiptTextModeEncoder.Encode(receipt, new TextModeCapabilities()).ToBytes();

        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(ReceiptSamples.CardNumber)));
        Assert.NotEqual(-1, bytes.AsSpan().IndexOf("...6789"u8));
    }

    [Fact]
    public void A_line_with_a_character_TCVN3_lacks_is_marked_for_raster_and_the_rest_stays_text()
    {
        var receipt = ReceiptSamples.Vietnamese() with { PrintLines = ["Phí trễ hạn: 2 €"] };

        var plan = ReceiptTextModeEncoder.Encode(receipt, new TextModeCapabilities());

        var raster = Assert.Single(plan.Segments.OfType<RasterLineSegment>());
        Assert.Equal("Phí trễ hạn: 2 €", raster.Line.Text);
        Assert.Equal([15], raster.UnencodableIndexes);
        Assert.DoesNotContain((byte)'?', plan.Segments.OfType<EscPosBytesSegment>().SelectMany(segment => segment.Bytes));
        Assert.Throws<InvalidOperationException>(plan.ToBytes);
    }

    [Fact]
    public void A_QR_code_goes_as_GS_paren_k_when_the_printer_draws_QR_codes()
    {
        var receipt = ReceiptSamples.Vietnamese(new ReceiptCode("https://opac.example/loans", ReceiptCodeKind.QrCode));

        var document = EscPosDecoder.DecodeAll(ReceiptTextModeEncoder.Encode(receipt, new TextModeCapabilities()).ToBytes());

        Assert.Contains(document.Items, item => item.Summary == "QR store 26 data bytes");
        var symbol = Assert.Single(document.Symbols);
        Assert.Equal((EscPosSymbolKind.QrCode, "https://opac.example/loans"), (symbol.Kind, symbol.Text));
    }

    [Fact]
    public void A_QR_code_is_handed_to_the_raster_renderer_when_the_printer_cannot_draw_it()
    {
        var code = new ReceiptCode("https://opac.example/loans", ReceiptCodeKind.QrCode);

        var plan = ReceiptTextModeEncoder.Encode(ReceiptSamples.Vietnamese(code), new TextModeCapabilities { SupportsQrCode = false });

        Assert.Equal(code, Assert.Single(plan.Segments.OfType<RasterCodeSegment>()).Code);
    }

    [Fact]
    public void A_printer_with_a_cutter_gets_a_partial_cut_after_a_feed_and_one_without_gets_a_feed()
    {
        var withCutter = ReceiptTextModeEncoder.Encode(ReceiptSamples.Vietnamese(), new TextModeCapabilities()).ToBytes();
        var withoutCutter = ReceiptTextModeEncoder.Encode(ReceiptSamples.Vietnamese(), new TextModeCapabilities { HasCutter = false }).ToBytes();

        Assert.Equal("1D564200", Convert.ToHexString(withCutter[^4..]));
        Assert.Equal("1B6404", Convert.ToHexString(withoutCutter[^3..]));
    }

    [Fact]
    public void A_logo_is_sent_as_raster_bands_before_the_text()
    {
        var logo = new MonochromeBitmap(64, 8);
        logo[0, 0] = true;
        var receipt = ReceiptSamples.Vietnamese() with { Logo = logo };

        var items = EscPosDecoder.DecodeAll(ReceiptTextModeEncoder.Encode(receipt, new TextModeCapabilities()).ToBytes()).Items;

        var raster = items.First(item => item.Name == "GS v 0");
        Assert.True(raster.Offset < items.First(item => item.Kind == EscPosItemKind.Text).Offset);
        Assert.Equal("raster 8×1 dots, 1 bytes", raster.Summary);
    }
}
