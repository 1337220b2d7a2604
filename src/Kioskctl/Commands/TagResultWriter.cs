using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kiosk.Protocols.Tags;

namespace Kioskctl.Commands;

/// <summary>Prints a <see cref="TagDecodeResult"/> as text for a technician, or as one JSON object for scripts.</summary>
internal static class TagResultWriter
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,

        // Vietnamese titles stay readable in a terminal; the output is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void WriteText(TagDecodeResult result, TextWriter output)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Verdict     {TagNames.Verdict(result.Verdict)}\n");
        text.Append(CultureInfo.InvariantCulture, $"Model       {TagNames.Model(result.Model) ?? "none"}\n");
        if (result.Model != LibraryTagModel.Unknown)
        {
            text.Append(CultureInfo.InvariantCulture, $"Variant     {TagNames.Variant(result.Variant)}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"Reason      {result.Reason}\n");
        if (result.Elements.Count > 0)
        {
            text.Append("Elements\n");
            var nameWidth = result.Elements.Max(element => element.Name.Length);
            var valueWidth = result.Elements.Max(element => element.Value.Length);
            foreach (var element in result.Elements)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {element.Name.PadRight(nameWidth)}  {element.Value.PadRight(valueWidth)}  ({element.Detail})\n");
            }
        }

        foreach (var warning in result.Warnings)
        {
            text.Append(CultureInfo.InvariantCulture, $"Warning     {warning}\n");
        }

        output.Write(text.ToString());
    }

    public static void WriteJson(TagDecodeResult result, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            var item = result.Item;
            json.WriteStartObject();
            WriteStringOrNull(json, "model", TagNames.Model(result.Model));
            json.WriteString("verdict", TagNames.Verdict(result.Verdict));
            json.WriteString("variant", TagNames.Variant(result.Variant));
            json.WriteString("reason", result.Reason);
            WriteStringOrNull(json, "primaryItemId", item?.PrimaryItemId);
            WriteStringOrNull(json, "ownerInstitution", item?.OwnerInstitution);
            WriteStringOrNull(json, "country", item?.Country);
            WriteNumberOrNull(json, "partsInItem", item?.PartsInItem);
            WriteNumberOrNull(json, "partNumber", item?.PartNumber);
            WriteStringOrNull(json, "typeOfUsage", item?.TypeOfUsage is { } usage ? TagNames.Usage(usage) : null);
            if (item?.TypeOfUsage is not null)
            {
                json.WriteNumber("typeOfUsageQualifier", item.TypeOfUsageQualifier);
            }

            if (item?.CrcValid is { } crcValid)
            {
                json.WriteBoolean("crcValid", crcValid);
            }
            else
            {
                json.WriteNull("crcValid");
            }

            WriteIfPresent(json, "shelfLocation", item?.ShelfLocation);
            WriteIfPresent(json, "title", item?.Title);
            WriteIfPresent(json, "onixMediaFormat", item?.OnixMediaFormat);
            WriteIfPresent(json, "marcMediaFormat", item?.MarcMediaFormat);
            WriteIfPresent(json, "illBorrowingInstitution", item?.IllBorrowingInstitution);
            WriteIfPresent(json, "illBorrowingTransactionNumber", item?.IllBorrowingTransactionNumber);
            WriteIfPresent(json, "localDataA", item?.LocalDataA);
            WriteIfPresent(json, "localDataB", item?.LocalDataB);
            WriteIfPresent(json, "localDataC", item?.LocalDataC);
            if (item?.ThreeMItemType is { } itemType)
            {
                json.WriteNumber("threeMItemType", itemType);
            }

            if (item?.ThreeMBranch is { } branch)
            {
                json.WriteNumber("threeMBranch", branch);
            }

            if (item?.ThreeMLibrary is { } library)
            {
                json.WriteNumber("threeMLibrary", library);
            }

            if (item?.ThreeMCustom is { } custom)
            {
                json.WriteNumber("threeMCustom", custom);
            }

            json.WriteStartArray("warnings");
            foreach (var warning in result.Warnings)
            {
                json.WriteStringValue(warning);
            }

            json.WriteEndArray();
            json.WriteStartArray("elements");
            foreach (var element in result.Elements)
            {
                json.WriteStartObject();
                json.WriteString("name", element.Name);
                json.WriteString("value", element.Value);
                json.WriteString("detail", element.Detail);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
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

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, int? value)
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

    private static void WriteIfPresent(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
