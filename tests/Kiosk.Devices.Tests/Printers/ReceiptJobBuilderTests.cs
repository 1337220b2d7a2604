using Kiosk.Devices.Printers;
using Kiosk.Devices.Printers.Rendering;
using Kiosk.Protocols.Printing;
using Kiosk.Protocols.Printing.EscPos;

namespace Kiosk.Devices.Tests.Printers;

public sealed class ReceiptJobBuilderTests
{
    [Fact]
    public void A_raster_job_decodes_to_bands_and_feeds_that_rebuild_the_rendered_receipt_height_at_full_paper_width()
    {
        var profile = new PrinterProfile { Name = "epson-80", Mode = PrinterMode.Raster, DotsPerLine = 576, CharactersPerLine = 48 };
        var receipt = PrinterTestReceipts.Vietnamese();
        var rendered = new ReceiptRasterRenderer(ReceiptRasterOptions.Paper80Millimetres).Render(receipt);

        var document = EscPosDecoder.DecodeAll(new ReceiptJobBuilder(profile).Build(receipt));

        var commands = document.Items.Select(item => item.Command).ToList();
        var rasters = commands.OfType<RasterImageCommand>().ToList();
        var feeds = commands.OfType<FeedDotsCommand>().Sum(feed => feed.Dots);
        Assert.NotEmpty(rasters);
        Assert.All(rasters, raster => Assert.True(raster.Bitmap.Width <= 576));
        Assert.Equal(rendered.Height, rasters.Sum(raster => raster.Bitmap.Height) + feeds);
        Assert.IsType<InitializeCommand>(commands[0]);
        Assert.IsType<CutCommand>(commands[^1]);
        Assert.Empty(document.Problems);
    }

    [Fact]
    public void A_text_mode_job_prints_Vietnamese_as_TCVN3_text_and_draws_only_what_TCVN3_cannot_carry()
    {
        var profile = new PrinterProfile { Name = "clone-58", Mode = PrinterMode.Tcvn3Text, DotsPerLine = 384, CharactersPerLine = 32 };
        var receipt = PrinterTestReceipts.Vietnamese() with { PrintLines = ["CẢM ƠN BẠN", "Giá 20 €"] };

        var document = EscPosDecoder.DecodeAll(new ReceiptJobBuilder(profile).Build(receipt));

        Assert.Contains("Số đỏ", document.Text, StringComparison.Ordinal);
        Assert.Contains("CẢM ƠN BẠN", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("€", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("?", document.Text, StringComparison.Ordinal);
        var raster = Assert.Single(document.Items.Select(item => item.Command).OfType<RasterImageCommand>());
        Assert.True(raster.Bitmap.Width <= 384);
    }
}
