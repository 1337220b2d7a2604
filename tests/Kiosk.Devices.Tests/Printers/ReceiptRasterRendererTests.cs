using Kiosk.Devices.Printers.Rendering;
using Kiosk.Protocols.Printing;
using Kiosk.Protocols.Printing.EscPos;

namespace Kiosk.Devices.Tests.Printers;

public sealed class ReceiptRasterRendererTests
{
    private static readonly ReceiptRasterRenderer s_paper80 = new(ReceiptRasterOptions.Paper80Millimetres);

    [Theory]
    [InlineData(80, 576)]
    [InlineData(58, 384)]
    public void A_receipt_is_rendered_exactly_as_wide_as_the_paper_prints(int paperMillimetres, int expectedDots)
    {
        var options = paperMillimetres == 80 ? ReceiptRasterOptions.Paper80Millimetres : ReceiptRasterOptions.Paper58Millimetres;
        var renderer = new ReceiptRasterRenderer(options);

        var receipt = renderer.Render(VietnameseReceipts.WithItems(10));
        var line = renderer.RenderLine(new ReceiptLine("Hà Nội"));

        Assert.Equal(expectedDots, receipt.Width);
        Assert.Equal(expectedDots, line.Width);
        Assert.True(receipt.HasInk());
    }

    [Fact]
    public void Every_non_empty_line_of_a_Vietnamese_receipt_prints_ink()
    {
        var lines = ReceiptLayout.Layout(VietnameseReceipts.WithItems(10), ReceiptLayout.Width80Millimetres);

        var blank = lines.Where(line => line.Text.Trim().Length > 0 && !s_paper80.RenderLine(line).HasInk()).Select(line => line.Text).ToList();

        Assert.Empty(blank);
        Assert.True(lines.Count(line => line.Text.Trim().Length > 0) > 20);
    }

    [Theory]
    [InlineData("Ổ", "O")]
    [InlineData("ẫ", "a")]
    [InlineData("Ở", "O")]
    [InlineData("Đ", "D")]
    public void A_letter_with_diacritics_prints_differently_from_the_bare_letter(string marked, string bare)
    {
        var withMarks = s_paper80.RenderLine(new ReceiptLine(marked));
        var without = s_paper80.RenderLine(new ReceiptLine(bare));

        Assert.Equal(without.Height, withMarks.Height);
        Assert.NotEqual(without.PackedRows.ToArray(), withMarks.PackedRows.ToArray());
    }

    [Theory]
    [InlineData("Ỗ", "O")]
    [InlineData("ẫ", "a")]
    public void Stacked_diacritics_print_as_two_separate_marks_above_the_letter(string marked, string bare)
    {
        var withMarks = s_paper80.RenderLine(new ReceiptLine(marked));
        var letterTop = s_paper80.RenderLine(new ReceiptLine(bare)).FirstInkedRow();

        Assert.True(withMarks.FirstInkedRow() > 0, "the top mark is clipped by the line's top edge");
        Assert.Equal(2, withMarks.InkRuns(0, letterTop - 1));
    }

    [Fact]
    public void The_tilde_of_a_capital_A_with_circumflex_and_tilde_prints_above_the_circumflex()
    {
        // Noto Sans flattens capital stacked marks until the tilde's tail touches the circumflex, even at 24 dots, so
        // this checks stacking by height rather than by a blank row between the marks.
        var stacked = s_paper80.RenderLine(new ReceiptLine("Ẫ")).FirstInkedRow();
        var circumflex = s_paper80.RenderLine(new ReceiptLine("Â")).FirstInkedRow();
        var letter = s_paper80.RenderLine(new ReceiptLine("A")).FirstInkedRow();

        Assert.InRange(stacked, 1, circumflex - 1);
        Assert.InRange(circumflex, 1, letter - 3);
    }

    [Fact]
    public void A_heading_is_twice_as_tall_as_a_normal_line_and_bold_is_heavier()
    {
        var normal = s_paper80.RenderLine(new ReceiptLine("THƯ VIỆN"));
        var bold = s_paper80.RenderLine(new ReceiptLine("THƯ VIỆN", ReceiptLineStyle.Bold));
        var heading = s_paper80.RenderLine(new ReceiptLine("THƯ VIỆN", ReceiptLineStyle.Heading));

        Assert.InRange(heading.Height, (2 * normal.Height) - 1, (2 * normal.Height) + 1);
        Assert.True(InkDots(bold) > InkDots(normal) * 1.2, $"bold has {InkDots(bold)} dots, normal {InkDots(normal)}");
    }

    [Fact]
    public void A_centred_line_has_as_much_blank_paper_on_each_side()
    {
        var line = s_paper80.RenderLine(new ReceiptLine("Cảm ơn bạn", ReceiptLineStyle.Normal, ReceiptAlignment.Center));
        var left = Enumerable.Range(0, line.Width).First(x => Enumerable.Range(0, line.Height).Any(y => line[x, y]));
        var right = line.Width - 1 - line.RightmostInkedColumn();

        Assert.InRange(left - right, -4, 4);
        Assert.True(left > 100);
    }

    [Fact]
    public void A_long_title_wraps_onto_several_lines_within_the_paper()
    {
        var title = string.Join(' ', Enumerable.Repeat("Lịch sử Việt Nam từ nguồn gốc đến thế kỷ XIX", 4));
        var receipt = VietnameseReceipts.WithItems(0) with { Items = [ReceiptItem.Borrowed(title, new DateOnly(2025, 7, 15))] };
        var titleLines = ReceiptLayout.Layout(receipt, ReceiptLayout.Width80Millimetres)
            .SkipWhile(line => !line.Text.StartsWith("1. ", StringComparison.Ordinal))
            .TakeWhile(line => !line.Text.TrimStart().StartsWith("Hạn trả", StringComparison.Ordinal))
            .ToList();

        Assert.True(titleLines.Count >= 4, $"expected the title on 4 or more lines, got {titleLines.Count}");
        foreach (var line in titleLines)
        {
            var bitmap = s_paper80.RenderLine(line);
            Assert.True(bitmap.HasInk(), line.Text);
            Assert.InRange(bitmap.RightmostInkedColumn(), 0, bitmap.Width - 2);
        }
    }

    [Fact]
    public void A_line_too_wide_for_the_paper_is_condensed_rather_than_cut_off()
    {
        var line = s_paper80.RenderLine(new ReceiptLine(new string('W', ReceiptLayout.Width80Millimetres)));
        var leftmost = Enumerable.Range(0, line.Width).First(x => Enumerable.Range(0, line.Height).Any(y => line[x, y]));

        Assert.InRange(leftmost, 0, 3);
        Assert.InRange(line.RightmostInkedColumn(), line.Width - 12, line.Width - 1);
    }

    [Fact]
    public void The_raster_plan_decodes_back_to_the_rendered_bitmap()
    {
        var bitmap = s_paper80.Render(VietnameseReceipts.WithItems(10, new ReceiptCode("https://opac.nlv.gov.vn/loans", ReceiptCodeKind.QrCode)));
        var plan = RasterBandEncoder.Encode(bitmap);

        var document = EscPosDecoder.DecodeAll(plan.Bytes);

        Assert.Empty(document.Problems);
        Assert.Equal(0, document.UnknownCount);
        var rebuilt = new MonochromeBitmap(bitmap.Width, bitmap.Height);
        var y = 0;
        foreach (var command in document.Items.Select(item => item.Command))
        {
            switch (command)
            {
                case RasterImageCommand raster:
                    Assert.InRange(raster.Bitmap.Width, 8, 576);
                    for (var row = 0; row < raster.Bitmap.Height; row++)
                    {
                        for (var x = 0; x < raster.Bitmap.Width; x++)
                        {
                            rebuilt[x, y + row] = raster.Bitmap[x, row];
                        }
                    }

                    y += raster.Bitmap.Height;
                    break;
                case FeedDotsCommand feed:
                    y += feed.Dots;
                    break;
                default:
                    Assert.Fail($"unexpected command {command}");
                    break;
            }
        }

        Assert.Equal(bitmap.Height, y);
        Assert.Equal(bitmap.PackedRows.ToArray(), rebuilt.PackedRows.ToArray());
    }

    [Fact]
    public void A_logo_prints_centred_above_the_heading()
    {
        var logo = new MonochromeBitmap(64, 32);
        for (var y = 0; y < 32; y++)
        {
            for (var x = 0; x < 64; x++)
            {
                logo[x, y] = true;
            }
        }

        var bitmap = s_paper80.Render(VietnameseReceipts.WithItems(1) with { Logo = logo });

        Assert.True(bitmap[256, 0]);
        Assert.True(bitmap[319, 31]);
        Assert.False(bitmap[255, 0]);
        Assert.False(bitmap[320, 0]);
    }

    [Fact]
    public void A_logo_wider_than_the_paper_is_refused_with_the_widths_named()
    {
        var renderer = new ReceiptRasterRenderer(ReceiptRasterOptions.Paper58Millimetres);
        var receipt = VietnameseReceipts.WithItems(1) with { Logo = new MonochromeBitmap(576, 8) };

        var error = Assert.Throws<ArgumentException>(() => renderer.Render(receipt));

        Assert.Contains("576", error.Message, StringComparison.Ordinal);
        Assert.Contains("384", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_QR_code_prints_as_a_centred_square_of_whole_modules()
    {
        var bitmap = s_paper80.RenderCode(new ReceiptCode("https://opac.nlv.gov.vn/loans?id=ab12", ReceiptCodeKind.QrCode));

        Assert.Equal(0, bitmap.Height % 6);
        var side = bitmap.Height;
        var left = (576 - side) / 2;

        // Quiet zone of 4 modules, then the top-left finder pattern's solid corner.
        Assert.False(bitmap[left + 23, 23]);
        Assert.True(bitmap[left + 24, 24]);
        Assert.True(bitmap[left + side - 25, 24]);
        Assert.False(bitmap[left + side - 23, 24]);
    }

    [Fact]
    public void A_CODE128_barcode_prints_bars_and_its_text_beneath()
    {
        var options = ReceiptRasterOptions.Paper80Millimetres;
        var bitmap = s_paper80.RenderCode(new ReceiptCode("NLV-000123", ReceiptCodeKind.Code128));

        // Start B, 10 data symbols and the check symbol at 11 modules, stop at 13, 2 dots per module.
        var barsWidth = ((12 * 11) + 13) * options.BarcodeModuleDots;
        var left = (576 - barsWidth) / 2;
        Assert.True(bitmap[left, 0]);
        Assert.False(bitmap[left - 1, 0]);
        Assert.True(bitmap[left + barsWidth - 1, options.BarcodeHeightDots - 1]);
        Assert.True(bitmap.InkRuns(options.BarcodeHeightDots, bitmap.Height) >= 1);
    }

    [Fact]
    public void A_CODE128_payload_outside_printable_ASCII_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => s_paper80.RenderCode(new ReceiptCode("Sách", ReceiptCodeKind.Code128)));

        Assert.Contains("printable ASCII", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Raster_lines_of_a_text_mode_plan_render_at_the_height_of_their_style()
    {
        var receipt = VietnameseReceipts.WithItems(2) with { PrintLines = ["Phí trễ hạn: 5.000 ₫ / 2 €"] };
        var plan = ReceiptTextModeEncoder.Encode(receipt, new TextModeCapabilities());

        var segments = plan.Segments.OfType<RasterLineSegment>().ToList();

        Assert.NotEmpty(segments);
        foreach (var segment in segments)
        {
            var bitmap = s_paper80.RenderLine(segment.Line);
            Assert.Equal(s_paper80.LineHeight(segment.Line.Style), bitmap.Height);
            Assert.True(bitmap.HasInk());
        }
    }

    private static int InkDots(MonochromeBitmap bitmap) =>
        Enumerable.Range(0, bitmap.Height).Sum(y => Enumerable.Range(0, bitmap.Width).Count(x => bitmap[x, y]));
}
