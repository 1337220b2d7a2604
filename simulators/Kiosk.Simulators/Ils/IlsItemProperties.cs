using System.Globalization;

namespace Kiosk.Simulators.Ils;

/// <summary>
/// What the simulator writes in SIP2 item properties (CH): <c>parts=N</c>, then, after a semicolon, any free text
/// set by Item Status Update. The spec leaves CH's content to the ACS; a kiosk reads <c>parts=N</c> to know how many
/// tags of one item it must see before lending it.
/// </summary>
public static class IlsItemProperties
{
    /// <summary>The key that carries the number of parts.</summary>
    public const string PartsKey = "parts";

    /// <summary>The CH value for <paramref name="item"/>.</summary>
    public static string Format(IlsItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var parts = PartsKey + "=" + item.Parts.ToString(CultureInfo.InvariantCulture);
        return string.IsNullOrEmpty(item.Properties) ? parts : parts + ";" + item.Properties;
    }

    /// <summary>Reads the number of parts from a CH value; null when it carries none.</summary>
    public static int? TryReadParts(string? itemProperties)
    {
        if (itemProperties is null)
        {
            return null;
        }

        foreach (var entry in itemProperties.Split(';', StringSplitOptions.TrimEntries))
        {
            if (entry.StartsWith(PartsKey + "=", StringComparison.Ordinal)
                && int.TryParse(entry.AsSpan(PartsKey.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var parts))
            {
                return parts;
            }
        }

        return null;
    }
}
