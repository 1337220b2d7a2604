using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kiosk.Protocols.Printing.EscPos;

namespace Kioskctl.Commands;

/// <summary>
/// Prints a decoded ESC/POS job for a technician, or as one JSON object. The JSON keys <c>text</c>, <c>commands</c>
/// (each with <c>offset</c>, <c>name</c>, <c>kind</c>, and <c>hex</c> or, for images, <c>summary</c> only),
/// <c>unknownCommands</c>, <c>symbols</c> (each barcode and QR code printed: <c>kind</c>, <c>symbology</c>, <c>text</c>,
/// <c>hex</c> of its data and its settings) and <c>cuts</c> are a contract scripts rely on.
/// </summary>
internal static class EscPosDocumentWriter
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,

        // Vietnamese text stays readable in a terminal; the output is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void WriteText(EscPosDecodedDocument document, TextWriter output)
    {
        var text = new StringBuilder();
        text.Append("Text\n");
        foreach (var line in document.Text.TrimEnd('\n').Split('\n'))
        {
            text.Append("  ").Append(line).Append('\n');
        }

        text.Append("Commands\n");
        foreach (var item in document.Items)
        {
            var detail = item.Kind == EscPosItemKind.Text ? $"\"{item.Text}\" ({item.Summary})" : item.Summary;
            var marker = item.Kind switch
            {
                EscPosItemKind.Unknown => " [skipped]",
                EscPosItemKind.Malformed => " [malformed]",
                _ => string.Empty,
            };
            text.Append(CultureInfo.InvariantCulture, $"  {item.Offset,8}  {item.Name,-9} {detail}{marker}\n");
        }

        if (document.Symbols.Count > 0)
        {
            text.Append("Codes\n");
            foreach (var symbol in document.Symbols)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {SymbolName(symbol),-8} \"{symbol.Text}\" ({SymbolSettings(symbol)})\n");
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"Cuts: {document.Cuts}\n");
        text.Append(CultureInfo.InvariantCulture, $"Unknown commands: {document.UnknownCount}\n");
        output.Write(text.ToString());
    }

    public static void WriteJson(EscPosDecodedDocument document, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("text", document.Text);
            json.WriteStartArray("commands");
            foreach (var item in document.Items)
            {
                json.WriteStartObject();
                json.WriteNumber("offset", item.Offset);
                json.WriteString("name", item.Name);
                json.WriteString("kind", item.Kind.ToString().ToLowerInvariant());
                // Image data is summarised by size; its hex would bury the rest of the job.
                if (item.Command is not (RasterImageCommand or BitImageCommand or StoreGraphicsCommand))
                {
                    json.WriteString("hex", Convert.ToHexString(item.Bytes));
                }

                if (item.Summary is { } summary)
                {
                    json.WriteString("summary", summary);
                }

                if (item.Text is { } itemText)
                {
                    json.WriteString("text", itemText);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("unknownCommands", document.UnknownCount);
            json.WriteStartArray("symbols");
            foreach (var symbol in document.Symbols)
            {
                WriteSymbol(json, symbol);
            }

            json.WriteEndArray();
            json.WriteNumber("cuts", document.Cuts);
            json.WriteStartArray("problems");
            foreach (var problem in document.Problems)
            {
                json.WriteStringValue(string.Create(CultureInfo.InvariantCulture, $"offset {problem.Offset}: {problem.Summary}"));
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteSymbol(Utf8JsonWriter json, EscPosPrintedSymbol symbol)
    {
        json.WriteStartObject();
        json.WriteString("kind", symbol.Kind == EscPosSymbolKind.QrCode ? "qr" : "barcode");
        json.WriteString("symbology", SymbolName(symbol));
        json.WriteString("text", symbol.Text);
        json.WriteString("hex", Convert.ToHexString([.. symbol.Data]));
        json.WriteNumber("moduleDots", symbol.ModuleWidth);
        if (symbol.Kind == EscPosSymbolKind.QrCode)
        {
            json.WriteNumber("model", symbol.QrModel);
            json.WriteString("errorCorrection", symbol.ErrorCorrection.ToString().ToLowerInvariant());
        }
        else
        {
            json.WriteNumber("heightDots", symbol.Height);
            json.WriteString("hri", symbol.HriPosition.ToString().ToLowerInvariant());
        }

        json.WriteEndObject();
    }

    private static string SymbolName(EscPosPrintedSymbol symbol) =>
        symbol.Kind == EscPosSymbolKind.QrCode ? "QR" : symbol.Symbology?.ToString().ToUpperInvariant() ?? "barcode";

    private static string SymbolSettings(EscPosPrintedSymbol symbol) => symbol.Kind == EscPosSymbolKind.QrCode
        ? string.Create(CultureInfo.InvariantCulture, $"model {symbol.QrModel}, {symbol.ModuleWidth}-dot modules, error correction {symbol.ErrorCorrection.ToString().ToLowerInvariant()}")
        : string.Create(CultureInfo.InvariantCulture, $"{symbol.ModuleWidth}-dot modules, {symbol.Height} dots high, HRI {symbol.HriPosition.ToString().ToLowerInvariant()}");
}
