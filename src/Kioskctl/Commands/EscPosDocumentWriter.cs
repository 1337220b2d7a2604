using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kiosk.Protocols.Printing.EscPos;

namespace Kioskctl.Commands;

/// <summary>
/// Prints a decoded ESC/POS job for a technician, or as one JSON object. The JSON keys <c>text</c>, <c>commands</c>
/// (each with <c>offset</c>, <c>name</c>, <c>kind</c>, and <c>hex</c> or, for raster images, <c>summary</c> only) and
/// <c>unknownCommands</c> are a contract scripts rely on.
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
                if (item.Command is not RasterImageCommand)
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
}
