using System.Collections;
using System.Globalization;
using System.Reflection;
using Kiosk.Protocols.Readers;

namespace Kioskctl.Commands;

/// <summary>
/// Lists a reader message record's properties for printing. Identifiers, flags and codes show as hex, as in the
/// manuals; block numbers, counts, sizes and times as decimal numbers.
/// </summary>
internal static class ReaderMessageFields
{
    private static readonly string[] DecimalSuffixes = ["Block", "Count", "Size", "Number", "Time", "Revision"];

    public static IReadOnlyList<KeyValuePair<string, object?>> Of(object message)
    {
        var fields = new List<KeyValuePair<string, object?>>();
        foreach (var property in message.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(property => property.MetadataToken))
        {
            if (property.Name is "Command" or "CommandByte" or "Address" or "Status" or "Error" or "Meaning" or "StartByte")
            {
                continue;
            }

            fields.Add(new(CamelCase(property.Name), Format(property.Name, property.GetValue(message))));
        }

        return fields;
    }

    private static object? Format(string name, object? value) => value switch
    {
        null => null,
        TransponderUid uid => uid.ToString(),
        ReadOnlyMemory<byte> bytes => Convert.ToHexString(bytes.Span),
        byte[] bytes => Convert.ToHexString(bytes),
        bool flag => flag,
        Enum choice => choice.ToString(),
        byte number when IsDecimal(name) => (int)number,
        ushort number when IsDecimal(name) && name != "SoftwareRevision" => (int)number,
        int number => number,
        byte number => number.ToString("X2", CultureInfo.InvariantCulture),
        ushort number => number.ToString("X4", CultureInfo.InvariantCulture),
        string text => text,
        IEnumerable items => items.Cast<object>().Select(item => (object?)Of(item)).ToList(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static bool IsDecimal(string name) => DecimalSuffixes.Any(suffix => name.EndsWith(suffix, StringComparison.Ordinal)) && !name.EndsWith("SizeField", StringComparison.Ordinal);

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
