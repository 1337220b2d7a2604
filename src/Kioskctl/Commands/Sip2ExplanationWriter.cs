using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kioskctl.Commands;

/// <summary>Prints a <see cref="Sip2Explanation"/> as text for a technician, or as one JSON object for scripts.</summary>
internal static class Sip2ExplanationWriter
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,

        // Vietnamese names stay readable in a terminal; the output is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void WriteText(Sip2Explanation explanation, TextWriter output)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Message     {explanation.Command} {explanation.Name}\n");
        if (explanation.FixedFields.Count > 0)
        {
            text.Append("Fixed fields\n");
            var nameWidth = explanation.FixedFields.Max(field => field.Name.Length);
            var textWidth = explanation.FixedFields.Max(field => field.Text.Length);
            foreach (var field in explanation.FixedFields)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {field.Position,3}  {field.Name.PadRight(nameWidth)}  '{field.Text}'{new string(' ', textWidth - field.Text.Length)}  {field.Meaning}\n");
            }
        }

        if (explanation.Fields.Count > 0)
        {
            text.Append("Fields\n");
            var nameWidth = explanation.Fields.Max(field => field.Name.Length);
            foreach (var field in explanation.Fields)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {field.Id}  {field.Name.PadRight(nameWidth)}  {field.Value}\n");
            }
        }

        if (explanation.Body is { } body)
        {
            text.Append(CultureInfo.InvariantCulture, $"Body        {body}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"Sequence    {(explanation.Sequence is { } sequence ? sequence.ToString(CultureInfo.InvariantCulture) : "none")}\n");
        text.Append(explanation.ChecksumValid switch
        {
            true => $"Checksum    valid (AZ{explanation.CarriedChecksum})\n",
            false => $"Checksum    INVALID (carried AZ{explanation.CarriedChecksum}, the bytes give {explanation.ComputedChecksum})\n",
            null => "Checksum    none\n",
        });
        if (explanation.Error is { } error)
        {
            text.Append(CultureInfo.InvariantCulture, $"Error       at position {error.Position}: {error.Reason}\n");
        }

        text.Append("Passwords (AC, AD, CO) are shown as ****.\n");
        output.Write(text.ToString());
    }

    public static void WriteJson(Sip2Explanation explanation, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("command", explanation.Command);
            json.WriteString("name", explanation.Name);

            // id -> value, or a list of values in wire order when the id is repeated (AF, AU…).
            json.WriteStartObject("fields");
            foreach (var group in explanation.Fields.GroupBy(field => field.Id, StringComparer.Ordinal))
            {
                if (group.Count() == 1)
                {
                    json.WriteString(group.Key, group.First().Value);
                    continue;
                }

                json.WriteStartArray(group.Key);
                foreach (var field in group)
                {
                    json.WriteStringValue(field.Value);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            WriteNullableNumber(json, "sequence", explanation.Sequence);
            WriteNullableBoolean(json, "checksumValid", explanation.ChecksumValid);

            json.WriteStartArray("fixedFields");
            foreach (var field in explanation.FixedFields)
            {
                json.WriteStartObject();
                json.WriteString("name", field.Name);
                json.WriteNumber("position", field.Position);
                json.WriteString("text", field.Text);
                json.WriteString("meaning", field.Meaning);
                json.WriteEndObject();
            }

            json.WriteEndArray();

            // The fields once more as an ordered list, for readers that need wire order across different ids.
            json.WriteStartArray("fieldList");
            foreach (var field in explanation.Fields)
            {
                json.WriteStartObject();
                json.WriteString("id", field.Id);
                json.WriteString("name", field.Name);
                json.WriteString("value", field.Value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (explanation.Body is { } body)
            {
                json.WriteString("body", body);
            }

            json.WriteString("charset", explanation.Charset);
            if (explanation.Error is { } error)
            {
                json.WriteStartObject("error");
                json.WriteNumber("position", error.Position);
                json.WriteString("reason", error.Reason);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("error");
            }

            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteNullableNumber(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteNullableBoolean(Utf8JsonWriter json, string name, bool? value)
    {
        if (value is { } flag)
        {
            json.WriteBoolean(name, flag);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
