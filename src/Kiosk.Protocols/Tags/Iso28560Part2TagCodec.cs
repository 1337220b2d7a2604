using System.Globalization;
using E = Kiosk.Protocols.Tags.Iso28560Part2Elements;
using static System.FormattableString;

namespace Kiosk.Protocols.Tags;

/// <summary>
/// ISO 28560-2 user memory: ISO 15962 data sets without a directory, from block 0, ended by a 0x00 precursor or by the
/// end of memory. Each data set is <c>precursor, [OID−15 byte], [offset byte], length, data, [offset pad bytes]</c>.
/// </summary>
/// <remarks>
/// <para>The precursor holds the offset flag (bit 7), the compaction scheme (bits 6–4) and the relative OID (bits 3–0,
/// 15 meaning "OID−15 follows in the next byte"). The offset byte counts the pad bytes after the data; encoders use it
/// to end a data set on a block boundary, so that the blocks can be locked.</para>
/// <para>Where both the OID−15 byte and the offset byte occur, this codec reads the OID byte first. That is the order
/// of both independent public decoders we checked (dp2's Element.Parse and the XingZhi codec) and of dp2's encoder.
/// None of the published tag dumps we found has both bytes in one data set, so no dump confirms or refutes it.</para>
/// </remarks>
public static class Iso28560Part2TagCodec
{
    /// <summary>Decodes the data sets in <paramref name="memory"/>. Never throws on bad bytes.</summary>
    public static TagDecodeResult Decode(TagMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        return Decode(memory, out _);
    }

    /// <summary>
    /// Encodes <paramref name="item"/>: the primary item id first, then the content parameter, the other elements in
    /// OID order, and the owner institution last; the first and the last end on a block boundary so that a library can
    /// lock them (the layout of the GB/T 35660.2 example). A 0x00 terminator follows, and zeros up to a whole block.
    /// Each text element uses the most compact scheme (see <see cref="TagCompactionScheme"/>); the ISIL uses its own
    /// encoding; the type of usage is one octet; set information is "parts" then "part number", two digits each (three
    /// when more than 99 parts), and is left out for a single-part item, which ISO 28560-1 makes the default.
    /// </summary>
    /// <exception cref="TagEncodingException">A value does not fit (a data set longer than 255 bytes, a part number out of range).</exception>
    public static byte[] Encode(LibraryItemTag item, int blockSize = 4)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        if (string.IsNullOrEmpty(item.PrimaryItemId))
        {
            throw new TagEncodingException("An ISO 28560-2 tag needs a primary item id; set PrimaryItemId to the item's barcode.");
        }

        var others = new SortedDictionary<int, (TagCompactionScheme Scheme, byte[] Bytes)>();
        AddText(others, E.ShelfLocation, item.ShelfLocation);
        AddText(others, E.OnixMediaFormat, item.OnixMediaFormat);
        AddText(others, E.MarcMediaFormat, item.MarcMediaFormat);
        AddIsil(others, E.IllBorrowingInstitution, item.IllBorrowingInstitution);
        AddText(others, E.IllBorrowingTransactionNumber, item.IllBorrowingTransactionNumber);
        AddText(others, E.LocalDataA, item.LocalDataA);
        AddText(others, E.LocalDataB, item.LocalDataB);
        AddText(others, E.Title, item.Title);
        AddText(others, E.LocalDataC, item.LocalDataC);
        AddSetInformation(others, item);
        if (item.TypeOfUsage is { } usage)
        {
            if ((int)usage is < 0 or > 15 || item.TypeOfUsageQualifier is < 0 or > 15)
            {
                throw new TagEncodingException(Invariant($"The type of usage {(int)usage}/{item.TypeOfUsageQualifier} does not fit one byte; class and qualifier are each 0 to 15."));
            }

            others[E.TypeOfUsage] = (TagCompactionScheme.Octet, [(byte)(((int)usage << 4) | item.TypeOfUsageQualifier)]);
        }

        (TagCompactionScheme, byte[])? owner = null;
        if (!string.IsNullOrEmpty(item.OwnerInstitution))
        {
            owner = IsilOrText(item.OwnerInstitution);
        }

        var output = new List<byte>(64);
        WriteDataSet(output, E.PrimaryItemId, Iso15962Compaction.EncodeMostCompact(item.PrimaryItemId), blockSize, alignEnd: true);
        var present = others.Keys.Concat(owner is null ? [] : [E.OwnerInstitution]).ToList();
        if (present.Count > 0)
        {
            WriteDataSet(output, E.ContentParameter, (TagCompactionScheme.ApplicationDefined, ContentParameter(present)), blockSize, alignEnd: false);
        }

        foreach (var (oid, value) in others)
        {
            WriteDataSet(output, oid, value, blockSize, alignEnd: false);
        }

        if (owner is { } ownerValue)
        {
            WriteDataSet(output, E.OwnerInstitution, ownerValue, blockSize, alignEnd: true);
        }

        output.Add(0x00);
        while (output.Count % blockSize != 0)
        {
            output.Add(0x00);
        }

        return [.. output];
    }

    /// <summary>Decodes, and says whether the memory looks enough like ISO 28560-2 for auto-detection to claim it.</summary>
    internal static TagDecodeResult Decode(TagMemory memory, out bool plausible)
    {
        plausible = false;
        var bytes = memory.UserMemory.Span;
        var warnings = new List<string>();
        if (bytes.IsEmpty || bytes[0] == 0x00)
        {
            return Failed(TagVerdict.Foreign, "the first precursor is the 0x00 terminator: no ISO 28560-2 data sets", warnings);
        }

        var sets = new List<Iso28560Part2DataSet>();
        if (TryParse(bytes, sets, warnings, out var terminated) is { } parseError)
        {
            return Failed(TagVerdict.Corrupt, parseError, warnings);
        }

        var item = new LibraryItemTag();
        var elements = new List<TagElement>();
        var seen = new HashSet<int>();
        List<int>? contentParameter = null;
        foreach (var set in sets)
        {
            if (!seen.Add(set.ObjectIdentifier))
            {
                warnings.Add(Invariant($"{E.Name(set.ObjectIdentifier)} (OID {set.ObjectIdentifier}) occurs again at byte {set.Position}; the first one is used"));
                continue;
            }

            if (DecodeValue(set) is not { } value)
            {
                return Failed(TagVerdict.Corrupt, Invariant($"the {E.Name(set.ObjectIdentifier)} data set at byte {set.Position} is not valid {SchemeName(set.Compaction)}"), warnings);
            }

            if (set.ObjectIdentifier == E.ContentParameter)
            {
                contentParameter = BitmapOids(set.Data);
            }

            item = Apply(item, set, value, warnings);
            elements.Add(new TagElement(E.Name(set.ObjectIdentifier), value, Invariant($"OID {set.ObjectIdentifier}, {SchemeName(set.Compaction)}, {set.Data.Length} byte{(set.Data.Length == 1 ? string.Empty : "s")} at byte {set.Position}")));
        }

        if (contentParameter is not null)
        {
            var actual = seen.Where(oid => oid >= E.FirstOidInContentParameter).Order().ToList();
            if (!actual.SequenceEqual(contentParameter))
            {
                warnings.Add(Invariant($"the content parameter lists OIDs {string.Join(' ', contentParameter)} but the tag holds {string.Join(' ', actual)}"));
            }
        }

        var dsfidHint = memory.Dsfid == TagMemory.Iso28560Part2Dsfid ? ", DSFID 0x06" : string.Empty;
        plausible = sets[0].ObjectIdentifier == E.PrimaryItemId && sets.Count == seen.Count;
        return new TagDecodeResult
        {
            Verdict = TagVerdict.Decoded,
            Model = LibraryTagModel.Iso28560Part2,
            Item = item,
            Elements = elements,
            Warnings = warnings,
            Reason = Invariant($"{sets.Count} ISO 15962 data sets parse from block 0 to {(terminated ? "a 0x00 terminator" : "the end of memory")}{dsfidHint}"),
        };
    }

    private static string? TryParse(ReadOnlySpan<byte> bytes, List<Iso28560Part2DataSet> sets, List<string> warnings, out bool terminated)
    {
        terminated = false;
        var position = 0;
        while (position < bytes.Length && bytes[position] != 0x00)
        {
            var start = position;
            var precursor = bytes[position++];
            var oid = precursor & 0x0F;
            var scheme = (TagCompactionScheme)((precursor >> 4) & 0x07);
            if (oid == 0)
            {
                return Invariant($"the precursor 0x{precursor:X2} at byte {start} names OID 0, which ISO 28560-2 does not use");
            }

            if (oid == 15)
            {
                if (position >= bytes.Length)
                {
                    return Invariant($"memory ends after the precursor at byte {start}, before its OID byte");
                }

                oid = 15 + bytes[position++];
            }

            var padBytes = 0;
            if ((precursor & 0x80) != 0)
            {
                if (position >= bytes.Length)
                {
                    return Invariant($"memory ends after the precursor at byte {start}, before its offset byte");
                }

                padBytes = bytes[position++];
            }

            if (position >= bytes.Length)
            {
                return Invariant($"memory ends after the precursor at byte {start}, before its length byte");
            }

            var length = bytes[position++];
            if (length > bytes.Length - position)
            {
                return Invariant($"the {Iso28560Part2Elements.Name(oid)} data set at byte {start} says {length} bytes of data, but only {bytes.Length - position} remain");
            }

            var data = bytes.Slice(position, length).ToArray();
            position += length;
            if (padBytes > bytes.Length - position)
            {
                // Readers that stop at a block count cut the pad short (the XingZhi "inventory" vector); the data are whole.
                warnings.Add(Invariant($"the {Iso28560Part2Elements.Name(oid)} data set at byte {start} announces {padBytes} pad bytes, but memory ends after {bytes.Length - position}"));
                padBytes = bytes.Length - position;
            }

            position += padBytes;
            sets.Add(new Iso28560Part2DataSet(start, oid, scheme, data, padBytes));
        }

        terminated = position < bytes.Length;
        return null;
    }

    private static string? DecodeValue(Iso28560Part2DataSet set)
    {
        var data = set.Data;
        if (set.Compaction == TagCompactionScheme.ApplicationDefined)
        {
            if (set.ObjectIdentifier == E.ContentParameter)
            {
                return string.Join(' ', BitmapOids(data));
            }

            if (E.IsIsil(set.ObjectIdentifier))
            {
                return IsilCompaction.TryDecode(data, out var isil) ? isil : null;
            }

            if (set.ObjectIdentifier == E.TypeOfUsage && data.Length == 1)
            {
                return Invariant($"{data[0]:X2}");
            }

            return Convert.ToHexString(data);
        }

        if (!Iso15962Compaction.TryDecode(set.Compaction, data, out var text))
        {
            return null;
        }

        // Fixed-format one-byte elements are written as an octet by most vendors (Ganchuang, RobotDroid); show them as hex.
        if (set.ObjectIdentifier == E.TypeOfUsage && set.Compaction is TagCompactionScheme.Octet or TagCompactionScheme.UnsignedInteger && data.Length == 1)
        {
            return Invariant($"{data[0]:X2}");
        }

        // RobotDroid writes the ONIX code "BA" as the single octet 0xBA; read such a byte as the two-letter code it stands for.
        if (set.ObjectIdentifier == E.OnixMediaFormat && set.Compaction == TagCompactionScheme.Octet && data.Length == 1 && data[0] >= 0x80)
        {
            return Invariant($"{data[0]:X2}");
        }

        return text;
    }

    private static LibraryItemTag Apply(LibraryItemTag item, Iso28560Part2DataSet set, string value, List<string> warnings)
    {
        switch (set.ObjectIdentifier)
        {
            case E.PrimaryItemId:
                return item with { PrimaryItemId = value };
            case E.OwnerInstitution:
                return item with { OwnerInstitution = value, Country = IsilCountry(value) };
            case E.SetInformation:
                if (TryParseSetInformation(value, out var parts, out var part))
                {
                    return item with { PartsInItem = parts, PartNumber = part };
                }

                warnings.Add(Invariant($"set information '{value}' is not 'parts' then 'part number' in equal halves of digits; the item is read as single-part"));
                return item;
            case E.TypeOfUsage:
                if (int.TryParse(value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var usage) && usage <= 0xFF)
                {
                    return item with { TypeOfUsage = (TypeOfUsage)(usage >> 4), TypeOfUsageQualifier = usage & 0xF };
                }

                warnings.Add(Invariant($"type of usage '{value}' is not one hexadecimal byte"));
                return item;
            case E.ShelfLocation:
                return item with { ShelfLocation = value };
            case E.OnixMediaFormat:
                return item with { OnixMediaFormat = value };
            case E.MarcMediaFormat:
                return item with { MarcMediaFormat = value };
            case E.IllBorrowingInstitution:
                return item with { IllBorrowingInstitution = value };
            case E.IllBorrowingTransactionNumber:
                return item with { IllBorrowingTransactionNumber = value };
            case E.LocalDataA:
                return item with { LocalDataA = value };
            case E.LocalDataB:
                return item with { LocalDataB = value };
            case E.Title:
                return item with { Title = value };
            case E.LocalDataC:
                return item with { LocalDataC = value };
            default:
                return item;
        }
    }

    /// <summary>"1203" is 12 parts, part 3 (GB/T 35660.2 example); an integer drops a leading zero, so "201" is 2 parts, part 1.</summary>
    private static bool TryParseSetInformation(string digits, out int parts, out int part)
    {
        parts = part = 0;
        if (digits.Length == 0 || digits.Length > 8 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        if (digits.Length % 2 == 1)
        {
            digits = "0" + digits;
        }

        var half = digits.Length / 2;
        parts = int.Parse(digits.AsSpan(0, half), CultureInfo.InvariantCulture);
        part = int.Parse(digits.AsSpan(half), CultureInfo.InvariantCulture);
        return true;
    }

    private static void AddSetInformation(SortedDictionary<int, (TagCompactionScheme, byte[])> elements, LibraryItemTag item)
    {
        if (item.PartsInItem == 1 && item.PartNumber == 1)
        {
            return;
        }

        if (item.PartsInItem is < 1 or > 999 || item.PartNumber < 1 || item.PartNumber > item.PartsInItem)
        {
            throw new TagEncodingException(Invariant($"Part {item.PartNumber} of {item.PartsInItem} is not a valid set; parts run from 1 to 999 and the part number from 1 to the number of parts."));
        }

        var width = item.PartsInItem > 99 ? 3 : 2;
        var format = "D" + width.ToString(CultureInfo.InvariantCulture);
        var digits = item.PartsInItem.ToString(format, CultureInfo.InvariantCulture) + item.PartNumber.ToString(format, CultureInfo.InvariantCulture);
        elements[E.SetInformation] = Iso15962Compaction.EncodeMostCompact(digits);
    }

    private static void AddText(SortedDictionary<int, (TagCompactionScheme, byte[])> elements, int oid, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            elements[oid] = Iso15962Compaction.EncodeMostCompact(value);
        }
    }

    private static void AddIsil(SortedDictionary<int, (TagCompactionScheme, byte[])> elements, int oid, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            elements[oid] = IsilOrText(value);
        }
    }

    private static (TagCompactionScheme, byte[]) IsilOrText(string isil) =>
        IsilCompaction.CanEncode(isil) ? (TagCompactionScheme.ApplicationDefined, IsilCompaction.Encode(isil)) : Iso15962Compaction.EncodeMostCompact(isil);

    private static void WriteDataSet(List<byte> output, int oid, (TagCompactionScheme Scheme, byte[] Bytes) value, int blockSize, bool alignEnd)
    {
        if (value.Bytes.Length > 255)
        {
            throw new TagEncodingException(Invariant($"The {Iso28560Part2Elements.Name(oid)} needs {value.Bytes.Length} bytes; an ISO 28560-2 data set holds at most 255. Shorten it."));
        }

        var header = oid >= 15 ? 3 : 2;
        var end = output.Count + header + value.Bytes.Length;
        var missing = alignEnd && end % blockSize != 0 ? blockSize - (end % blockSize) : 0;
        output.Add((byte)((missing > 0 ? 0x80 : 0) | ((int)value.Scheme << 4) | Math.Min(oid, 15)));
        if (oid >= 15)
        {
            output.Add((byte)(oid - 15));
        }

        if (missing > 0)
        {
            // The offset byte itself takes one of the missing bytes.
            output.Add((byte)(missing - 1));
        }

        output.Add((byte)value.Bytes.Length);
        output.AddRange(value.Bytes);
        for (var i = 1; i < missing; i++)
        {
            output.Add(0x00);
        }
    }

    private static byte[] ContentParameter(List<int> oids)
    {
        var highest = oids.Max() - E.FirstOidInContentParameter;
        var bitmap = new byte[(highest / 8) + 1];
        foreach (var oid in oids)
        {
            var index = oid - E.FirstOidInContentParameter;
            bitmap[index / 8] |= (byte)(0x80 >> (index % 8));
        }

        return bitmap;
    }

    private static List<int> BitmapOids(byte[] bitmap)
    {
        var oids = new List<int>();
        for (var index = 0; index < bitmap.Length * 8; index++)
        {
            if ((bitmap[index / 8] & (0x80 >> (index % 8))) != 0)
            {
                oids.Add(index + E.FirstOidInContentParameter);
            }
        }

        return oids;
    }

    internal static string? IsilCountry(string isil) =>
        isil.Length >= 3 && isil[2] == '-' && char.IsAsciiLetterUpper(isil[0]) && char.IsAsciiLetterUpper(isil[1]) ? isil[..2] : null;

    private static string SchemeName(TagCompactionScheme scheme) => scheme switch
    {
        TagCompactionScheme.ApplicationDefined => "application-defined",
        TagCompactionScheme.UnsignedInteger => "integer",
        TagCompactionScheme.Numeric => "numeric",
        TagCompactionScheme.FiveBit => "5-bit",
        TagCompactionScheme.SixBit => "6-bit",
        TagCompactionScheme.SevenBit => "7-bit",
        TagCompactionScheme.Octet => "octet",
        _ => "UTF-8",
    };

    private static TagDecodeResult Failed(TagVerdict verdict, string reason, List<string> warnings) => new()
    {
        Verdict = verdict,
        Model = verdict == TagVerdict.Corrupt ? LibraryTagModel.Iso28560Part2 : LibraryTagModel.Unknown,
        Reason = reason,
        Warnings = warnings,
    };
}
