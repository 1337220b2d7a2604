using System.Globalization;
using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Tags;

namespace Kiosk.Simulators.Rfid;

/// <summary>
/// Lets a person change a running reader simulator's field by typing lines, so the standalone runner
/// (<c>kiosk-sim reader</c>) can place and remove books while a kiosk or <c>kioskctl reader inventory --watch</c> polls it:
/// <c>place ITEM [loaned] [part K/N] [antenna A]</c>, <c>remove ITEM|UID</c>, <c>list</c>, <c>clear</c>, <c>help</c>.
/// </summary>
public sealed class RfidFieldConsole(RfidField field, LibraryTagModel model, SecurityAfi afi, string ownerIsil = "VN-HN-TVHN")
{
    /// <summary>What the commands are, for <c>help</c> and for unknown input.</summary>
    public const string Help =
        "Commands: place ITEM [loaned] [part K/N] [antenna A] | remove ITEM|UID | list | clear | help";

    /// <summary>Carries out one line and returns what to print. Never throws for bad input; it says what was wrong.</summary>
    public string Execute(string? line)
    {
        var words = (line ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return string.Empty;
        }

        try
        {
            return words[0].ToLowerInvariant() switch
            {
                "place" when words.Length >= 2 => Place(words),
                "remove" when words.Length == 2 => Remove(words[1]),
                "list" => List(),
                "clear" => Clear(),
                "help" => Help,
                _ => $"Not understood: '{line}'. {Help}",
            };
        }
        catch (Exception ex) when (ex is TagEncodingException or ArgumentException or FormatException)
        {
            return "Could not do that: " + ex.Message;
        }
    }

    private string Place(string[] words)
    {
        var item = words[1];
        var secured = true;
        var (part, parts, antenna) = (1, 1, 1);
        for (var i = 2; i < words.Length; i++)
        {
            switch (words[i].ToLowerInvariant())
            {
                case "loaned":
                    secured = false;
                    break;
                case "secured":
                    secured = true;
                    break;
                case "part" when i + 1 < words.Length && words[i + 1].Split('/') is [var k, var n]:
                    (part, parts) = (int.Parse(k, CultureInfo.InvariantCulture), int.Parse(n, CultureInfo.InvariantCulture));
                    i++;
                    break;
                case "antenna" when i + 1 < words.Length:
                    antenna = int.Parse(words[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    return $"Not understood: '{words[i]}'. {Help}";
            }
        }

        var tag = LibraryTagFactory.CreateItem(item, ownerIsil, parts, part, secured, model, afi);
        field.Place(tag, antenna);
        return string.Create(CultureInfo.InvariantCulture, $"Placed {item} part {part}/{parts} ({(secured ? "secured" : "loaned")}) as {tag.Uid} on antenna {antenna}");
    }

    private string Remove(string what)
    {
        var uid = TransponderUid.TryParse(what, out var parsed) ? parsed : LibraryTagFactory.UidFor(what);
        return field.Remove(uid) ? $"Removed {what} ({uid})" : $"No tag {what} ({uid}) in the field";
    }

    private string List()
    {
        var tags = field.AllTags();
        if (tags.Count == 0)
        {
            return "The field is empty";
        }

        return string.Join(Environment.NewLine, tags.Select(tag =>
        {
            var decoded = LibraryTagCodec.Decode(new TagMemory(tag.ReadMemory(), tag.BlockSize, tag.Dsfid), model).Item;
            return string.Create(
                CultureInfo.InvariantCulture,
                $"{tag.Uid}  antenna {field.AntennaOf(tag.Uid)}  item {decoded?.PrimaryItemId} part {decoded?.PartNumber}/{decoded?.PartsInItem}  AFI 0x{tag.Afi:X2}");
        }));
    }

    private string Clear()
    {
        field.Clear();
        return "The field is empty";
    }
}
