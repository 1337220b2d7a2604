using System.Text;
using static System.FormattableString;

namespace Kiosk.Protocols.Tags;

/// <summary>
/// ISO 28560-3, the Danish data model: a fixed basic block, then extension blocks.
/// </summary>
/// <remarks>
/// <para>Basic block: byte 0 version (high nibble, 1) and type of usage (low nibble); byte 1 parts in item; byte 2 part
/// number; bytes 3–18 primary item id, ASCII, NUL-padded; bytes 19–20 CRC, low byte first; bytes 21–22 country
/// (ISO 3166 alpha-2); bytes 23–33 the rest of the owner's ISIL, running into block 8. The ISIL "DK-718500" is stored as
/// country "DK" and "718500".</para>
/// <para>The CRC is CRC-16/CCITT-FALSE over bytes 0–18 then 21–33: 32 bytes. libdanrfid (CRC.DDCRC) pads the bytes it
/// has with zeros to that length and the TH Wildau ISO28560 library reads bytes 32–33 when the tag has them; both agree
/// whenever the ISIL fits bytes 23–31. A tag whose CRC only holds with bytes 32–33 taken as zero is read as a 32-byte
/// basic block and its ISIL stops at byte 31.</para>
/// <para>Extension blocks follow from byte 34: length (all of the block), a 16-bit type low byte first, an XOR check
/// byte that makes the block's bytes XOR to zero, then NUL-separated fields. A length of 0 ends them. Types (TH Wildau):
/// 1 library, 2 acquisition, 3 library supplement (shelf location, MARC media format, ONIX media format, subsidiary),
/// 4 title, 5 inter-library loan (borrowing institution, transaction number, alternative institution).</para>
/// <para>Vendor variants: each block byte-reversed, and the version and usage nibbles swapped (see
/// <see cref="LibraryTagVariant"/>). The decoder tries the block orders by CRC and takes the version nibble as the one
/// that holds 1, the only version the model defines; 0x11 reads as standard.</para>
/// </remarks>
public static class Iso28560Part3TagCodec
{
    private const int BasicBlockLength = 34;
    private const int CrcLength = 32;
    private const int LibrarySupplementBlock = 3;
    private const int TitleBlock = 4;
    private const int InterLibraryLoanBlock = 5;

    /// <summary>Decodes the basic block and extension blocks, trying the known vendor variants. Never throws on bad bytes.</summary>
    public static TagDecodeResult Decode(TagMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        var stored = memory.UserMemory.Span;
        if (stored.Length < CrcLength)
        {
            return new TagDecodeResult
            {
                Verdict = TagVerdict.Corrupt,
                Model = LibraryTagModel.Iso28560Part3,
                Reason = Invariant($"ISO 28560-3 needs at least {CrcLength} bytes of user memory; only {stored.Length} were read"),
            };
        }

        var blockSize = memory.BlockSize;
        string? standardCrcs = null;
        TagDecodeResult? crcOnly = null;
        foreach (var reversed in (bool[])[false, true])
        {
            if (reversed && (blockSize < 2 || stored.Length % blockSize != 0))
            {
                continue;
            }

            var bytes = reversed ? ReverseBlocks(stored, blockSize) : stored.ToArray();
            var carried = (ushort)(bytes[19] | (bytes[20] << 8));
            var full = ComputeCrc(bytes, includeBytes32And33: true);
            var shortBlock = ComputeCrc(bytes, includeBytes32And33: false);
            if (carried == full || carried == shortBlock)
            {
                var result = Read(bytes, reversed, crcValid: true, basicBlockLength: carried == full ? BasicBlockLength : CrcLength, Invariant($"the CRC-16 over the basic block matches (0x{carried:X4}){(reversed ? Invariant($" with each {blockSize}-byte block byte-reversed") : string.Empty)}"));

                // A 16-bit CRC also holds in the wrong block order for about one tag in 65,536 (twice that, with the two
                // CRC spans). The order whose bytes read as a basic block (version 1, a printable item id, a country) wins.
                if (HasBasicBlockShape(bytes))
                {
                    return result;
                }

                // A CRC alone is not proof: 3M and ISO 28560-2 tags full of zeros satisfy it by chance.
                crcOnly ??= result with
                {
                    Verdict = TagVerdict.Corrupt,
                    Reason = result.Reason + ", but the bytes do not read as an ISO 28560-3 basic block (version 1, a printable item id, a country code)",
                };
            }

            standardCrcs ??= Invariant($"the CRC-16 stored in bytes 19–20 is 0x{carried:X4} while the basic block gives 0x{full:X4}");
        }

        if (crcOnly is not null)
        {
            return crcOnly;
        }

        return Read(stored.ToArray(), reversed: false, crcValid: false, BasicBlockLength, standardCrcs + (blockSize > 1 && stored.Length % blockSize == 0 ? ", and no better with the blocks byte-reversed" : string.Empty)) with
        {
            Verdict = TagVerdict.Corrupt,
        };
    }

    /// <summary>
    /// Writes the basic block (34 bytes, with its CRC), extension blocks for the shelf location and media formats (3),
    /// the title (4) and the inter-library loan fields (5) when the item has them, a 0x00 end, and zeros up to a whole
    /// block; then applies <paramref name="variant"/>, so that a site whose readers expect a vendor's layout gets it.
    /// </summary>
    /// <exception cref="TagEncodingException">A value does not fit the fixed fields or is not ISO 8859-1.</exception>
    public static byte[] Encode(LibraryItemTag item, LibraryTagVariant variant = LibraryTagVariant.Standard, int blockSize = 4)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        var usage = (int)(item.TypeOfUsage ?? TypeOfUsage.Circulating);
        if (usage is < 0 or > 15)
        {
            throw new TagEncodingException(Invariant($"Type of usage {usage} does not fit the ISO 28560-3 usage nibble (0 to 15)."));
        }

        if (item.PartsInItem is < 1 or > 255 || item.PartNumber < 1 || item.PartNumber > item.PartsInItem)
        {
            throw new TagEncodingException(Invariant($"Part {item.PartNumber} of {item.PartsInItem} is not a valid set; ISO 28560-3 holds 1 to 255 parts in one byte each."));
        }

        var (country, library) = SplitIsil(item);
        var output = new List<byte>(64);
        output.Add((byte)((1 << 4) | usage));
        output.Add((byte)item.PartsInItem);
        output.Add((byte)item.PartNumber);
        output.AddRange(FixedAscii(item.PrimaryItemId, 16, "primary item id", required: true));
        output.Add(0);
        output.Add(0);
        output.AddRange(FixedAscii(country, 2, "country", required: false));
        output.AddRange(FixedAscii(library, 11, "ISIL after the country prefix", required: false));
        if (variant is LibraryTagVariant.NibblesSwapped or LibraryTagVariant.BlocksReversedAndNibblesSwapped)
        {
            output[0] = (byte)((usage << 4) | 1);
        }

        var crc = ComputeCrc(output.ToArray(), includeBytes32And33: true);
        output[19] = (byte)crc;
        output[20] = (byte)(crc >> 8);

        AddExtensionBlock(output, LibrarySupplementBlock, [item.ShelfLocation, item.MarcMediaFormat, item.OnixMediaFormat]);
        AddExtensionBlock(output, TitleBlock, [item.Title]);
        AddExtensionBlock(output, InterLibraryLoanBlock, [item.IllBorrowingInstitution, item.IllBorrowingTransactionNumber]);
        output.Add(0x00);
        while (output.Count % blockSize != 0)
        {
            output.Add(0x00);
        }

        var bytes = output.ToArray();
        return variant is LibraryTagVariant.BlocksReversed or LibraryTagVariant.BlocksReversedAndNibblesSwapped ? ReverseBlocks(bytes, blockSize) : bytes;
    }

    /// <summary>Whether the memory has the shape of a Danish basic block in either block order, whatever its CRC says.</summary>
    internal static bool LooksLikeBasicBlock(TagMemory memory)
    {
        var stored = memory.UserMemory.Span;
        if (stored.Length < CrcLength)
        {
            return false;
        }

        return HasBasicBlockShape(stored) || (memory.BlockSize > 1 && stored.Length % memory.BlockSize == 0 && HasBasicBlockShape(ReverseBlocks(stored, memory.BlockSize)));
    }

    private static bool HasBasicBlockShape(ReadOnlySpan<byte> bytes)
    {
        var high = bytes[0] >> 4;
        var low = bytes[0] & 0xF;
        var versionFound = (high == 1 && low <= 9) || (low == 1 && high <= 9);
        var id = bytes.Slice(3, 16);
        var idLength = id.IndexOf((byte)0) is var nul and >= 0 ? nul : 16;
        var idIsText = idLength > 0 && IsPrintableAscii(id[..idLength]) && !id[idLength..].ContainsAnyExcept((byte)0);
        var countryIsText = (bytes[21] == 0 && bytes[22] == 0) || (char.IsAsciiLetterUpper((char)bytes[21]) && char.IsAsciiLetterUpper((char)bytes[22]));
        return versionFound && idIsText && countryIsText;
    }

    private static TagDecodeResult Read(byte[] bytes, bool reversed, bool crcValid, int basicBlockLength, string reason)
    {
        var warnings = new List<string>();
        var high = bytes[0] >> 4;
        var low = bytes[0] & 0xF;
        var swapped = high != 1 && low == 1;
        var version = swapped ? low : high;
        var usage = swapped ? high : low;
        if (version != 1)
        {
            warnings.Add(Invariant($"byte 0 is 0x{bytes[0]:X2}: version {version}, where ISO 28560-3 defines version 1"));
        }

        var variant = (reversed, swapped) switch
        {
            (false, false) => LibraryTagVariant.Standard,
            (true, false) => LibraryTagVariant.BlocksReversed,
            (false, true) => LibraryTagVariant.NibblesSwapped,
            _ => LibraryTagVariant.BlocksReversedAndNibblesSwapped,
        };

        var primaryItemId = NulTerminated(bytes.AsSpan(3, 16));
        var country = NulTerminated(bytes.AsSpan(21, 2));
        var library = NulTerminated(bytes.AsSpan(23, Math.Min(basicBlockLength, bytes.Length) - 23));
        var owner = (country.Length, library.Length) switch
        {
            (0, 0) => null,
            (0, _) => library,
            (_, 0) => null,
            _ => country + "-" + library,
        };

        var item = new LibraryItemTag
        {
            PrimaryItemId = primaryItemId,
            Country = country.Length > 0 ? country : null,
            OwnerInstitution = owner,
            PartsInItem = bytes[1],
            PartNumber = bytes[2],
            TypeOfUsage = (TypeOfUsage)usage,
            CrcValid = crcValid,
            Variant = variant,
        };

        var elements = new List<TagElement>
        {
            new("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture), swapped ? "byte 0, low nibble" : "byte 0, high nibble"),
            new("type of usage", usage.ToString(System.Globalization.CultureInfo.InvariantCulture), swapped ? "byte 0, high nibble" : "byte 0, low nibble"),
            new("parts in item", Invariant($"{bytes[1]}"), "byte 1"),
            new("part number", Invariant($"{bytes[2]}"), "byte 2"),
            new("primary item id", primaryItemId, "bytes 3–18"),
            new("CRC", Invariant($"{bytes[19] | (bytes[20] << 8):X4}"), crcValid ? "bytes 19–20, valid" : "bytes 19–20, INVALID"),
            new("country", country, "bytes 21–22"),
            new("owner institution", owner ?? string.Empty, Invariant($"bytes 23–{basicBlockLength - 1}")),
        };

        item = ReadExtensionBlocks(bytes, item, elements, warnings);
        return new TagDecodeResult
        {
            Verdict = TagVerdict.Decoded,
            Model = LibraryTagModel.Iso28560Part3,
            Variant = variant,
            Item = item,
            Elements = elements,
            Warnings = warnings,
            Reason = reason + (swapped ? Invariant($"; byte 0x{bytes[0]:X2} carries the version in its low nibble") : string.Empty),
        };
    }

    private static LibraryItemTag ReadExtensionBlocks(byte[] bytes, LibraryItemTag item, List<TagElement> elements, List<string> warnings)
    {
        var position = BasicBlockLength;
        while (position < bytes.Length && bytes[position] != 0)
        {
            var length = bytes[position];
            if (length < 4 || length > bytes.Length - position)
            {
                warnings.Add(Invariant($"the extension block at byte {position} says {length} bytes, which does not fit; the rest is ignored"));
                break;
            }

            var block = bytes.AsSpan(position, length);
            var type = block[1] | (block[2] << 8);
            var check = 0;
            foreach (var b in block)
            {
                check ^= b;
            }

            if (check != 0)
            {
                warnings.Add(Invariant($"the extension block of type {type} at byte {position} fails its XOR check; it is ignored"));
                position += length;
                continue;
            }

            var fields = Encoding.Latin1.GetString(block[4..]).Split('\0');
            string? Field(int index) => index < fields.Length && fields[index].Length > 0 ? fields[index] : null;
            var detail = Invariant($"extension block {type} at byte {position}");
            switch (type)
            {
                case LibrarySupplementBlock:
                    item = item with { ShelfLocation = Field(0), MarcMediaFormat = Field(1), OnixMediaFormat = Field(2) };
                    AddElement(elements, "shelf location", Field(0), detail);
                    AddElement(elements, "MARC media format", Field(1), detail);
                    AddElement(elements, "ONIX media format", Field(2), detail);
                    break;
                case TitleBlock:
                    item = item with { Title = Field(0) };
                    AddElement(elements, "title", Field(0), detail);
                    break;
                case InterLibraryLoanBlock:
                    item = item with { IllBorrowingInstitution = Field(0), IllBorrowingTransactionNumber = Field(1) };
                    AddElement(elements, "ILL borrowing institution", Field(0), detail);
                    AddElement(elements, "ILL borrowing transaction number", Field(1), detail);
                    break;
                default:
                    elements.Add(new TagElement(Invariant($"extension block {type}"), Convert.ToHexString(block[4..]), detail));
                    break;
            }

            position += length;
        }

        return item;
    }

    private static void AddElement(List<TagElement> elements, string name, string? value, string detail)
    {
        if (value is not null)
        {
            elements.Add(new TagElement(name, value, detail));
        }
    }

    private static void AddExtensionBlock(List<byte> output, int type, string?[] fields)
    {
        if (fields.All(string.IsNullOrEmpty))
        {
            return;
        }

        var payload = new List<byte>();
        var last = Array.FindLastIndex(fields, field => !string.IsNullOrEmpty(field));
        for (var i = 0; i <= last; i++)
        {
            if (i > 0)
            {
                payload.Add(0);
            }

            payload.AddRange(Latin1(fields[i] ?? string.Empty, "extension block field"));
        }

        if (payload.Count + 4 > 255)
        {
            throw new TagEncodingException(Invariant($"Extension block {type} would need {payload.Count + 4} bytes; ISO 28560-3 blocks hold at most 255. Shorten the text."));
        }

        var block = new List<byte> { (byte)(payload.Count + 4), (byte)type, (byte)(type >> 8), 0 };
        block.AddRange(payload);
        var check = 0;
        foreach (var b in block)
        {
            check ^= b;
        }

        block[3] = (byte)check;
        output.AddRange(block);
    }

    private static (string? Country, string? Library) SplitIsil(LibraryItemTag item)
    {
        var owner = item.OwnerInstitution;
        var prefix = owner is null ? null : Iso28560Part2TagCodec.IsilCountry(owner);
        var country = item.Country ?? prefix;
        if (owner is null)
        {
            return (country, null);
        }

        // "DK-718500" is stored as country "DK" and "718500"; an ISIL with another prefix is stored whole.
        return prefix is not null && prefix == country ? (country, owner[3..]) : (country, owner);
    }

    private static byte[] FixedAscii(string? value, int length, string name, bool required)
    {
        value ??= string.Empty;
        if (required && value.Length == 0)
        {
            throw new TagEncodingException(Invariant($"An ISO 28560-3 tag needs a {name}."));
        }

        if (value.Length > length || !IsPrintableAscii(value))
        {
            throw new TagEncodingException(Invariant($"The {name} '{value}' does not fit ISO 28560-3: at most {length} printable ASCII characters."));
        }

        var bytes = new byte[length];
        Encoding.ASCII.GetBytes(value, bytes);
        return bytes;
    }

    private static byte[] Latin1(string value, string name) =>
        value.All(c => c is >= ' ' and <= '\xFF')
            ? Encoding.Latin1.GetBytes(value)
            : throw new TagEncodingException(Invariant($"The {name} '{value}' is not ISO 8859-1, which ISO 28560-3 extension blocks carry; write Vietnamese text with ISO 28560-2 instead."));

    private static ushort ComputeCrc(ReadOnlySpan<byte> bytes, bool includeBytes32And33)
    {
        Span<byte> input = stackalloc byte[CrcLength];
        input.Clear();
        bytes[..19].CopyTo(input);
        var tailEnd = Math.Min(bytes.Length, includeBytes32And33 ? BasicBlockLength : CrcLength);
        bytes[21..tailEnd].CopyTo(input[19..]);
        return Crc16CcittFalse.Compute(input);
    }

    private static byte[] ReverseBlocks(ReadOnlySpan<byte> bytes, int blockSize)
    {
        var copy = bytes.ToArray();
        for (var start = 0; start + blockSize <= copy.Length; start += blockSize)
        {
            copy.AsSpan(start, blockSize).Reverse();
        }

        return copy;
    }

    private static string NulTerminated(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOf((byte)0);
        return Encoding.Latin1.GetString(end >= 0 ? bytes[..end] : bytes);
    }

    private static bool IsPrintableAscii(ReadOnlySpan<byte> bytes) => !bytes.ContainsAnyExceptInRange((byte)0x20, (byte)0x7E);

    private static bool IsPrintableAscii(string text) => text.All(c => c is >= ' ' and <= '~');
}
