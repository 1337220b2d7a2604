using Kiosk.Protocols.Printing.EscPos;

namespace Kiosk.Protocols.Tests.Printing;

/// <summary>
/// Jobs written by receiptline 4.0.4 and esc-pos-encoder 3.0.0 (tests/Kiosk.Protocols.Tests/Vectors/README.md) decode
/// whole: their text with the PC858 euro sign, every barcode and QR code, every image and every cut.
/// </summary>
public sealed class EscPosPeerVectorTests
{
    [Fact]
    public void The_receiptline_receipt_decodes_to_its_columns_codes_graphics_and_cut()
    {
        var document = Decode("receiptline/receipt-cp858.bin");

        Assert.Empty(document.Problems);
        var lines = document.Text.Split('\n');
        Assert.Equal("Bibliothek", lines[0].Trim());
        Assert.Equal("Gebühr" + new string(' ', 36) + "2,50 €", lines[1]);
        Assert.Equal("Unterstrichen", lines[2].Trim());
        Assert.Equal("Titel" + new string(' ', 37) + "Fällig", lines[3]);
        var code = Assert.Single(document.Symbols);
        Assert.Equal((EscPosBarcodeSymbology.Code128, "1234567890", 2, 72, EscPosHriPosition.Below), (code.Symbology, code.Text, code.ModuleWidth, code.Height, code.HriPosition));

        // receiptline sends its QR code as raster graphics: stored (GS 8 L fn 112), then printed (GS ( L fn 50).
        var graphics = Assert.Single(document.Items.Select(item => item.Command).OfType<StoreGraphicsCommand>());
        Assert.Equal((100, 100), (graphics.Bitmap.Width, graphics.Bitmap.Height));
        Assert.Single(document.Items, item => item.Command is PrintGraphicsCommand);
        Assert.Contains(document.Items, item => item.Command is UnderlineCommand { Thickness: 2 });
        Assert.Equal(1, document.Cuts);

        // Nothing is left over as a stray byte: every unknown item is a whole command of the reference's table.
        Assert.DoesNotContain(document.Items, item => item.Kind == EscPosItemKind.Unknown && item.Name is "unknown" or "control");
    }

    [Fact]
    public void The_esc_pos_encoder_receipt_decodes_to_its_text_codes_and_two_cuts()
    {
        var document = Decode("esc-pos-encoder/receipt-cp858.bin");

        Assert.Empty(document.Problems);

        // Only whole commands of the reference that the simulator need not act on are skipped: single-byte mode and font A.
        Assert.Equal(["FS .", "ESC M"], Skipped(document));
        Assert.StartsWith("Summe 3,00 €\nUnderlined\n", document.Text, StringComparison.Ordinal);
        Assert.Equal(
            [
                (EscPosSymbolKind.Barcode, (EscPosBarcodeSymbology?)EscPosBarcodeSymbology.Code128, "12345678"),
                (EscPosSymbolKind.Barcode, EscPosBarcodeSymbology.Code128, "12345678"),
                (EscPosSymbolKind.Barcode, EscPosBarcodeSymbology.Ean13, "4006381333931"),
                (EscPosSymbolKind.Barcode, EscPosBarcodeSymbology.Code39, "KIOSK-42"),
                (EscPosSymbolKind.QrCode, null, "https://lib.example/loan/7"),
            ],
            document.Symbols.Select(symbol => (symbol.Kind, symbol.Symbology, symbol.Text)));

        // "{B12345678" and "{C" 12 34 56 78 are different symbols for the same text.
        Assert.Equal(104, document.Symbols[0].Code128Values![0]);
        Assert.Equal([105, 12, 34, 56, 78, 47, 106], document.Symbols[1].Code128Values);
        var qr = document.Symbols[^1];
        Assert.Equal((2, 6, QrCodeErrorCorrection.Medium), (qr.QrModel, qr.ModuleWidth, qr.ErrorCorrection));
        Assert.Equal([(byte)1, (byte)0], document.Items.Select(item => item.Command).OfType<UnderlineCommand>().Select(command => command.Thickness));
        Assert.Equal(2, document.Cuts);
    }

    [Theory]
    [InlineData("esc-pos-encoder/image-column.bin", new[] { "FS .", "ESC M" })]
    [InlineData("esc-pos-encoder/image-raster.bin", new[] { "FS .", "ESC M" })]
    public void The_esc_pos_encoder_checkerboard_decodes_dot_for_dot_as_ESC_star_and_as_GS_v_0(string vector, string[] skipped)
    {
        var document = Decode(vector);

        Assert.Empty(document.Problems);
        Assert.Equal(skipped, Skipped(document));
        var stripes = document.Items.Select(item => item.Command switch
        {
            BitImageCommand image => image.Bitmap,
            RasterImageCommand raster => raster.Bitmap,
            _ => null,
        }).OfType<MonochromeBitmap>().ToList();

        // ESC * 33 sends 24-dot stripes stacked by line feeds; GS v 0 sends the whole image.
        var top = 0;
        foreach (var stripe in stripes)
        {
            Assert.Equal(48, stripe.Width);
            for (var y = 0; y < stripe.Height; y++)
            {
                for (var x = 0; x < 48; x++)
                {
                    Assert.Equal(((x / 8) + ((top + y) / 8)) % 2 == 0, stripe[x, y]);
                }
            }

            top += stripe.Height;
        }

        Assert.Equal(48, top);
        Assert.Equal(1, document.Cuts);
        if (vector.Contains("column", StringComparison.Ordinal))
        {
            // Its stripes go under ESC 3 0x24, 36 dots, though the encoder's comment says 24 (see Vectors/README.md).
            Assert.Equal([(byte?)36, null], document.Items.Select(item => item.Command).OfType<LineSpacingCommand>().Select(command => command.Dots));
        }
    }

    private static string[] Skipped(EscPosDecodedDocument document) =>
        [.. document.Items.Where(item => item.Kind == EscPosItemKind.Unknown).Select(item => item.Name)];

    private static EscPosDecodedDocument Decode(string vector) =>
        EscPosDecoder.DecodeAll(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Vectors", vector)));
}
