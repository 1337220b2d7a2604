using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Kioskctl.Commands;

/// <summary>
/// Prints a <see cref="ReaderFrameExplanation"/> as text for a technician, or as one JSON object. The JSON keys
/// <c>crcValid</c>, <c>command</c>, <c>status</c> (reader frames) and <c>request</c>/<c>response</c> are a contract
/// scripts rely on.
/// </summary>
internal static class ReaderFrameExplanationWriter
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true };

    public static void WriteText(ReaderFrameExplanation explanation, TextWriter output)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Protocol    {explanation.Protocol}, from {explanation.From}\n");
        foreach (var (name, value) in explanation.Header)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Label(name)}{value}\n");
        }

        if (explanation.Command is { } command)
        {
            text.Append(CultureInfo.InvariantCulture, $"Command     {command} {explanation.CommandName}\n");
        }

        if (explanation.Status is { } status)
        {
            text.Append(CultureInfo.InvariantCulture, $"Status      {status} {explanation.StatusMeaning}\n");
        }

        if (explanation.Message is { } fields)
        {
            text.Append(CultureInfo.InvariantCulture, $"Message     {explanation.MessageType}\n");
            AppendFields(text, fields, "  ");
        }

        text.Append(explanation.CrcValid switch
        {
            true => $"CRC         valid ({explanation.CarriedCrc})\n",
            false when explanation.CarriedCrc is not null => $"CRC         INVALID (carried {explanation.CarriedCrc}, the bytes give {explanation.ComputedCrc})\n",
            _ => "CRC         not checked\n",
        });
        if (explanation.Problem is { } problem)
        {
            text.Append(CultureInfo.InvariantCulture, $"Error       {problem}\n");
        }

        output.Write(text.ToString());
    }

    public static void WriteJson(ReaderFrameExplanation explanation, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("protocol", explanation.Protocol);
            json.WriteString("from", explanation.From);
            if (explanation.CrcValid is { } valid)
            {
                json.WriteBoolean("crcValid", valid);
            }
            else
            {
                json.WriteNull("crcValid");
            }

            WriteNullableString(json, "carriedCrc", explanation.CarriedCrc);
            WriteNullableString(json, "computedCrc", explanation.ComputedCrc);
            WriteNullableString(json, "command", explanation.Command);
            WriteNullableString(json, "commandName", explanation.CommandName);
            if (explanation.From == "reader")
            {
                WriteNullableString(json, "status", explanation.Status);
                WriteNullableString(json, "statusMeaning", explanation.StatusMeaning);
            }

            foreach (var (name, value) in explanation.Header)
            {
                WriteValue(json, name, value);
            }

            WriteNullableString(json, "messageType", explanation.MessageType);
            var messageKey = explanation.From == "host" ? "request" : "response";
            if (explanation.Message is { } fields)
            {
                json.WritePropertyName(messageKey);
                WriteObject(json, fields);
            }
            else
            {
                json.WriteNull(messageKey);
            }

            WriteNullableString(json, "error", explanation.Problem);
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void AppendFields(StringBuilder text, IReadOnlyList<KeyValuePair<string, object?>> fields, string indent)
    {
        foreach (var (name, value) in fields)
        {
            if (value is IReadOnlyList<object?> items)
            {
                text.Append(CultureInfo.InvariantCulture, $"{indent}{name} ({items.Count})\n");
                var index = 0;
                foreach (var item in items)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{indent}  [{index++}]\n");
                    if (item is IReadOnlyList<KeyValuePair<string, object?>> nested)
                    {
                        AppendFields(text, nested, indent + "    ");
                    }
                }

                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"{indent}{name}: {Render(value)}\n");
        }
    }

    private static string Render(object? value) => value switch
    {
        null => "none",
        bool flag => flag ? "yes" : "no",
        int number => number.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Label(string name) => (char.ToUpperInvariant(name[0]) + name[1..]).PadRight(12);

    private static void WriteObject(Utf8JsonWriter json, IReadOnlyList<KeyValuePair<string, object?>> fields)
    {
        json.WriteStartObject();
        foreach (var (name, value) in fields)
        {
            WriteValue(json, name, value);
        }

        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, string name, object? value)
    {
        json.WritePropertyName(name);
        WriteValue(json, value);
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case int number:
                json.WriteNumberValue(number);
                break;
            case IReadOnlyList<KeyValuePair<string, object?>> fields:
                WriteObject(json, fields);
                break;
            case IReadOnlyList<object?> items:
                json.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(json, item);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static void WriteNullableString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
