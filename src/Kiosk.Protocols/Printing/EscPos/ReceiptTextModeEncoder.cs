using System.Text;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// Prints a receipt as TCVN-3 text: each laid-out line goes as text, switching between the lowercase and capitals
/// tables (ESC t) within the line as its letters need; a line holding a character neither table has is handed to the
/// raster renderer whole, never printed with '?'.
/// </summary>
public static class ReceiptTextModeEncoder
{
    /// <summary>The plan for <paramref name="receipt"/> on a printer with <paramref name="capabilities"/>.</summary>
    public static ReceiptPrintPlan Encode(Receipt receipt, TextModeCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(capabilities);
        var segments = new List<ReceiptPrintSegment>();
        var writer = new EscPosWriter().Initialize();
        if (receipt.Logo is { } logo)
        {
            writer.Raster(logo, capabilities.Raster);
        }

        var table = Tcvn3Table.Lowercase;
        writer.SelectCodePage(capabilities.Tcvn3LowercasePage);
        foreach (var line in ReceiptLayout.Layout(receipt, capabilities.WidthCharacters))
        {
            var unencodable = Tcvn3Encoding.FindUnencodable(line.Text);
            if (unencodable.Count > 0)
            {
                Flush(segments, ref writer);
                segments.Add(new RasterLineSegment(line, unencodable));
                continue;
            }

            WriteLine(writer, line, capabilities, ref table);
        }

        if (receipt.Code is { } code)
        {
            WriteCode(segments, ref writer, code, capabilities);
        }

        Finish(writer, capabilities);
        Flush(segments, ref writer);
        return new ReceiptPrintPlan(segments);
    }

    /// <summary>Ends a receipt: a cut where the printer has a cutter, otherwise a feed past the tear bar.</summary>
    internal static void Finish(EscPosWriter writer, TextModeCapabilities capabilities)
    {
        if (capabilities.HasCutter)
        {
            // Function B feeds to the cutting position first, so the last line is not cut through.
            writer.Cut(EscPosCutMode.Partial, 0);
        }
        else
        {
            writer.FeedLines(4);
        }
    }

    private static void WriteLine(EscPosWriter writer, ReceiptLine line, TextModeCapabilities capabilities, ref Tcvn3Table table)
    {
        writer.Align(line.Alignment == ReceiptAlignment.Center ? EscPosAlignment.Center : EscPosAlignment.Left);
        var emphasised = line.Style != ReceiptLineStyle.Normal;
        if (emphasised)
        {
            writer.Bold(true);
        }

        if (line.Style == ReceiptLineStyle.Heading)
        {
            writer.CharacterSize(1, 2);
        }

        var run = new List<byte>();
        foreach (var c in line.Text.Normalize(NormalizationForm.FormC))
        {
            var needed = Tcvn3Encoding.Classify(c) switch
            {
                Tcvn3CharacterClass.Lowercase => Tcvn3Table.Lowercase,
                Tcvn3CharacterClass.Capital => Tcvn3Table.Capitals,
                _ => table,
            };
            if (needed != table)
            {
                writer.Text([.. run]);
                run.Clear();
                table = needed;
                writer.SelectCodePage(table == Tcvn3Table.Lowercase ? capabilities.Tcvn3LowercasePage : capabilities.Tcvn3CapitalsPage);
            }

            Tcvn3Encoding.TryEncode(c, table, out var value);
            run.Add(value);
        }

        writer.Text([.. run]);
        writer.LineFeed();
        if (line.Style == ReceiptLineStyle.Heading)
        {
            writer.CharacterSize(1, 1);
        }

        if (emphasised)
        {
            writer.Bold(false);
        }
    }

    internal static void WriteCode(List<ReceiptPrintSegment> segments, ref EscPosWriter writer, ReceiptCode code, TextModeCapabilities capabilities)
    {
        var payload = Encoding.UTF8.GetBytes(code.Payload);
        var printable = code.Kind switch
        {
            ReceiptCodeKind.QrCode => capabilities.SupportsQrCode && payload.Length is > 0 and <= QrCodeCommand.MaxDataLength,

            // Code set B carries printable ASCII; "{B" and doubled braces take the rest of the 255 bytes.
            ReceiptCodeKind.Code128 => code.Payload.Length is > 0 and <= 200 && code.Payload.All(c => c is >= ' ' and <= '~'),
            _ => false,
        };
        if (!printable)
        {
            Flush(segments, ref writer);
            segments.Add(new RasterCodeSegment(code));
            return;
        }

        writer.Align(EscPosAlignment.Center);
        if (code.Kind == ReceiptCodeKind.QrCode)
        {
            writer.QrCode(payload);
        }
        else
        {
            writer.Code128(code.Payload);
        }

        writer.LineFeed().Align(EscPosAlignment.Left);
    }

    internal static void Flush(List<ReceiptPrintSegment> segments, ref EscPosWriter writer)
    {
        if (writer.Length > 0)
        {
            segments.Add(new EscPosBytesSegment(writer.ToArray()));
            writer = new EscPosWriter();
        }
    }
}
