using static System.FormattableString;

namespace Kiosk.Protocols.Tags;

/// <summary>
/// The one entry point: recognises which library data model a tag's user memory holds, decodes it, and says why.
/// Blank, foreign and corrupt tags come back as verdicts; nothing here throws on bad bytes.
/// </summary>
public static class LibraryTagCodec
{
    /// <summary>
    /// Decodes <paramref name="memory"/>, detecting the model in this order: blank (all 0x00, all 0xFF, or 3M's
    /// manufacturing blank of 0x55 bytes); ISO 28560-3 when its CRC holds in some block order (a 1-in-65536 false
    /// positive); ISO 28560-2 when the data sets parse from block 0 with the primary item id first, or parse at all when
    /// the DSFID is 0x06; 3M when block 0 is <c>04 ps 00 tt</c> before an ASCII barcode; ISO 28560-3 with a bad CRC
    /// (corrupt) when the bytes have its shape; ISO 28560-2 as corrupt when the DSFID says 0x06 or the first precursor
    /// names OID 1; foreign otherwise.
    /// </summary>
    public static TagDecodeResult Decode(TagMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        if (Blank(memory) is { } blank)
        {
            return blank;
        }

        var part3 = Iso28560Part3TagCodec.Decode(memory);
        if (part3.Verdict == TagVerdict.Decoded)
        {
            return part3;
        }

        var part2 = Iso28560Part2TagCodec.Decode(memory, out var plausible);
        var dsfidSaysPart2 = memory.Dsfid == TagMemory.Iso28560Part2Dsfid;
        if (part2.Verdict == TagVerdict.Decoded && (plausible || dsfidSaysPart2))
        {
            return part2;
        }

        var threeM = ThreeMTagCodec.Decode(memory);
        if (threeM.Verdict == TagVerdict.Decoded)
        {
            return threeM;
        }

        if (Iso28560Part3TagCodec.LooksLikeBasicBlock(memory))
        {
            return part3 with { Reason = "the bytes have the shape of an ISO 28560-3 basic block, but " + part3.Reason };
        }

        if (dsfidSaysPart2)
        {
            return part2 with
            {
                Verdict = TagVerdict.Corrupt,
                Model = LibraryTagModel.Iso28560Part2,
                Reason = "the DSFID is 0x06 (ISO 28560-2), but " + part2.Reason,
            };
        }

        // A first precursor naming OID 1 is how every ISO 28560-2 tag starts; a broken one after it is damage, not another application.
        if (part2.Verdict == TagVerdict.Corrupt && (memory.UserMemory.Span[0] & 0x0F) == 1)
        {
            return part2 with { Reason = "the first precursor names the primary item id (ISO 28560-2), but " + part2.Reason };
        }

        return new TagDecodeResult
        {
            Verdict = TagVerdict.Foreign,
            Reason = Invariant($"no library data model explains the {memory.UserMemory.Length} bytes: no ISO 28560-3 CRC matches, they are not ISO 28560-2 data sets starting with the primary item id, and block 0 is not 3M's 04 ps 00 tt"),
        };
    }

    /// <summary>Decodes <paramref name="memory"/> as <paramref name="model"/>, or detects it when <see cref="LibraryTagModel.Unknown"/>.</summary>
    public static TagDecodeResult Decode(TagMemory memory, LibraryTagModel model)
    {
        ArgumentNullException.ThrowIfNull(memory);
        if (model == LibraryTagModel.Unknown)
        {
            return Decode(memory);
        }

        if (Blank(memory) is { } blank)
        {
            return blank;
        }

        return model switch
        {
            LibraryTagModel.Iso28560Part2 => Iso28560Part2TagCodec.Decode(memory),
            LibraryTagModel.Iso28560Part3 => Iso28560Part3TagCodec.Decode(memory),
            _ => ThreeMTagCodec.Decode(memory),
        };
    }

    /// <summary>Encodes <paramref name="item"/> in <paramref name="model"/>; ISO 28560-3 honours <see cref="LibraryItemTag.Variant"/>.</summary>
    /// <exception cref="TagEncodingException">The item does not fit the model.</exception>
    public static byte[] Encode(LibraryItemTag item, LibraryTagModel model, int blockSize = 4)
    {
        ArgumentNullException.ThrowIfNull(item);
        return model switch
        {
            LibraryTagModel.Iso28560Part2 => Iso28560Part2TagCodec.Encode(item, blockSize),
            LibraryTagModel.Iso28560Part3 => Iso28560Part3TagCodec.Encode(item, item.Variant, blockSize),
            LibraryTagModel.ThreeM => ThreeMTagCodec.Encode(item),
            _ => throw new ArgumentOutOfRangeException(nameof(model), model, "Choose ISO 28560-2, ISO 28560-3 or 3M."),
        };
    }

    private static TagDecodeResult? Blank(TagMemory memory)
    {
        var bytes = memory.UserMemory.Span;
        if (bytes.IsEmpty)
        {
            return new TagDecodeResult { Verdict = TagVerdict.Corrupt, Reason = "no user memory was read; read the tag's blocks again" };
        }

        if (!bytes.ContainsAnyExcept((byte)0x00))
        {
            return new TagDecodeResult { Verdict = TagVerdict.Blank, Reason = Invariant($"all {bytes.Length} bytes are 0x00") };
        }

        if (!bytes.ContainsAnyExcept((byte)0xFF))
        {
            return new TagDecodeResult { Verdict = TagVerdict.Blank, Reason = Invariant($"all {bytes.Length} bytes are 0xFF") };
        }

        // RFID501.pm's "3M Manufacturing Blank": blocks 0–5 of 0x55, block 6 zero.
        if (bytes.Length >= 24 && !bytes[..24].ContainsAnyExcept((byte)0x55) && !bytes[24..].ContainsAnyExcept((byte)0x00))
        {
            return new TagDecodeResult { Verdict = TagVerdict.Blank, Reason = "blocks 0–5 are 0x55 and the rest zero: 3M's manufacturing blank" };
        }

        return null;
    }
}
