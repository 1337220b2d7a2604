using System.Buffers.Binary;
using System.Text;
using static System.FormattableString;

namespace Kiosk.Protocols.Tags;

/// <summary>
/// 3M's proprietary "alphanumeric" tag format, as Biblio-RFID's RFID501.pm documents and decodes it (3M never
/// published it): block 0 <c>04 ps 00 tt</c> (p = part number, high nibble; s = parts in the set, low nibble; tt = item
/// type), blocks 1–4 the barcode (16 ASCII bytes, NUL-padded), block 5 a 12-bit branch and a 20-bit library number,
/// big-endian, block 6 a signed 32-bit custom value, block 7 zero. There is no CRC, no ISIL and no type of usage.
/// </summary>
public static class ThreeMTagCodec
{
    private const int MinimumLength = 24;

    /// <summary>Decodes a 3M tag. Never throws on bad bytes.</summary>
    public static TagDecodeResult Decode(TagMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        var bytes = memory.UserMemory.Span;
        if (bytes.Length < MinimumLength)
        {
            return Failed(TagVerdict.Corrupt, Invariant($"the 3M format needs at least {MinimumLength} bytes (blocks 0–5); only {bytes.Length} were read"));
        }

        if (bytes[0] != 0x04 || bytes[2] != 0x00)
        {
            return Failed(TagVerdict.Foreign, Invariant($"block 0 starts {bytes[0]:X2} {bytes[1]:X2} {bytes[2]:X2}, where the 3M format has 04 ps 00"));
        }

        var barcodeBytes = bytes.Slice(4, 16);
        var length = barcodeBytes.IndexOf((byte)0) is var nul and >= 0 ? nul : 16;
        if (length == 0 || barcodeBytes[..length].ContainsAnyExceptInRange((byte)0x20, (byte)0x7E) || barcodeBytes[length..].ContainsAnyExcept((byte)0))
        {
            return Failed(TagVerdict.Corrupt, "blocks 1–4 should hold the barcode as printable ASCII padded with NULs, and do not");
        }

        var warnings = new List<string>();
        var barcode = Encoding.ASCII.GetString(barcodeBytes[..length]);
        var branchAndLibrary = BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(20, 4));
        int? custom = bytes.Length >= 28 ? BinaryPrimitives.ReadInt32BigEndian(bytes.Slice(24, 4)) : null;
        if (bytes.Length >= 32 && bytes.Slice(28, 4).ContainsAnyExcept((byte)0))
        {
            warnings.Add("block 7 is not zero, as Biblio-RFID expects it to be");
        }

        var item = new LibraryItemTag
        {
            PrimaryItemId = barcode,
            PartNumber = bytes[1] >> 4,
            PartsInItem = bytes[1] & 0xF,
            ThreeMItemType = bytes[3],
            ThreeMBranch = (int)(branchAndLibrary >> 20),
            ThreeMLibrary = (int)(branchAndLibrary & 0xFFFFF),
            ThreeMCustom = custom,
        };

        return new TagDecodeResult
        {
            Verdict = TagVerdict.Decoded,
            Model = LibraryTagModel.ThreeM,
            Item = item,
            Warnings = warnings,
            Reason = "block 0 is 04 ps 00 tt and blocks 1–4 hold an ASCII barcode, the 3M format",
            Elements =
            [
                new("part number", Invariant($"{item.PartNumber}"), "block 0, byte 1, high nibble"),
                new("parts in item", Invariant($"{item.PartsInItem}"), "block 0, byte 1, low nibble"),
                new("item type", Invariant($"{bytes[3]} ({ItemTypeName(bytes[3])})"), "block 0, byte 3"),
                new("primary item id", barcode, "blocks 1–4"),
                new("branch", Invariant($"{item.ThreeMBranch}"), "block 5, 12 bits"),
                new("library", Invariant($"{item.ThreeMLibrary}"), "block 5, 20 bits"),
                new("custom", custom is { } value ? Invariant($"{value}") : string.Empty, "block 6"),
            ],
        };
    }

    /// <summary>Writes the 8 blocks (32 bytes) of the 3M format.</summary>
    /// <exception cref="TagEncodingException">A value does not fit its field.</exception>
    public static byte[] Encode(LibraryItemTag item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var barcode = item.PrimaryItemId ?? string.Empty;
        if (barcode.Length is 0 or > 16 || barcode.Any(c => c is < ' ' or > '~'))
        {
            throw new TagEncodingException(Invariant($"The barcode '{barcode}' does not fit the 3M format: 1 to 16 printable ASCII characters."));
        }

        if (item.PartsInItem is < 1 or > 15 || item.PartNumber < 1 || item.PartNumber > item.PartsInItem)
        {
            throw new TagEncodingException(Invariant($"Part {item.PartNumber} of {item.PartsInItem} does not fit the 3M format, which has one nibble each (1 to 15)."));
        }

        var type = item.ThreeMItemType ?? 1;
        var branch = item.ThreeMBranch ?? 0;
        var library = item.ThreeMLibrary ?? 0;
        if (type is < 0 or > 255 || branch is < 0 or > 0xFFF || library is < 0 or > 0xFFFFF)
        {
            throw new TagEncodingException(Invariant($"Item type {type}, branch {branch} or library {library} is out of range for the 3M format (0–255, 0–4095, 0–1048575)."));
        }

        var bytes = new byte[32];
        bytes[0] = 0x04;
        bytes[1] = (byte)((item.PartNumber << 4) | item.PartsInItem);
        bytes[3] = (byte)type;
        Encoding.ASCII.GetBytes(barcode, bytes.AsSpan(4, 16));
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(20, 4), ((uint)branch << 20) | (uint)library);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(24, 4), item.ThreeMCustom ?? 0);
        return bytes;
    }

    /// <summary>The item types RFID501.pm lists.</summary>
    internal static string ItemTypeName(int type) => type switch
    {
        0 => "other",
        1 => "book",
        2 => "magazine",
        3 => "bound journal",
        4 => "audio tape",
        5 => "video",
        6 => "CD/CD-ROM",
        7 => "diskette",
        8 => "book with diskette",
        9 => "book with CD/CD-ROM",
        13 => "book with audio tape",
        _ => "unknown",
    };

    private static TagDecodeResult Failed(TagVerdict verdict, string reason) => new()
    {
        Verdict = verdict,
        Model = verdict == TagVerdict.Corrupt ? LibraryTagModel.ThreeM : LibraryTagModel.Unknown,
        Reason = reason,
    };
}
