using static System.FormattableString;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// Splits an ESC/POS byte stream into commands and text runs. Feed it whatever arrives; read items until it has none;
/// call <see cref="Complete"/> at the end of a job so a trailing text run is flushed and a command cut short is reported.
/// It tracks ESC t so text decodes with the page the job selected, summarises raster images by size, skips unknown
/// commands (reporting their bytes), and never throws on bad input.
/// </summary>
/// <remarks>
/// Command lengths follow the Epson ESC/POS reference. Commands we do not emit but that a job may contain (ESC !, GS B,
/// GS L …) are skipped by their documented length and reported as unknown, so their parameters are not misread
/// as text. A byte sequence the table does not know is skipped two bytes at a time (prefix and function byte).
/// </remarks>
public sealed partial class EscPosDecoder(EscPosDecoderOptions options)
{
    // ESC x commands with a fixed total length (Epson reference, command list by mnemonic).
    private static readonly Dictionary<byte, (int Length, string Name)> EscapeFixed = new()
    {
        [(byte)' '] = (3, "ESC SP"), [(byte)'!'] = (3, "ESC !"), [(byte)'<'] = (2, "ESC <"),
        [(byte)'='] = (3, "ESC ="), [(byte)'?'] = (3, "ESC ?"), [(byte)'G'] = (3, "ESC G"), [(byte)'K'] = (3, "ESC K"),
        [(byte)'L'] = (2, "ESC L"), [(byte)'M'] = (3, "ESC M"), [(byte)'R'] = (3, "ESC R"), [(byte)'S'] = (2, "ESC S"),
        [(byte)'T'] = (3, "ESC T"), [(byte)'U'] = (3, "ESC U"), [(byte)'V'] = (3, "ESC V"), [(byte)'W'] = (10, "ESC W"),
        [(byte)'c'] = (4, "ESC c"), [(byte)'e'] = (3, "ESC e"), [(byte)'i'] = (2, "ESC i"),
        [(byte)'m'] = (2, "ESC m"), [(byte)'p'] = (5, "ESC p"), [(byte)'r'] = (3, "ESC r"), [(byte)'u'] = (3, "ESC u"),
        [(byte)'v'] = (2, "ESC v"), [(byte)'{'] = (3, "ESC {"), [(byte)'F'] = (3, "ESC F"),
    };

    // GS x commands with a fixed total length.
    private static readonly Dictionary<byte, (int Length, string Name)> GroupFixed = new()
    {
        [(byte)'$'] = (4, "GS $"), [(byte)'*'] = (4, "GS *"), [(byte)'/'] = (3, "GS /"), [(byte)':'] = (2, "GS :"),
        [(byte)'B'] = (3, "GS B"), [(byte)'I'] = (3, "GS I"), [(byte)'L'] = (4, "GS L"), [(byte)'P'] = (4, "GS P"),
        [(byte)'T'] = (3, "GS T"), [(byte)'W'] = (4, "GS W"), [(byte)'\\'] = (4, "GS \\"), [(byte)'^'] = (5, "GS ^"),
        [(byte)'a'] = (3, "GS a"), [(byte)'b'] = (3, "GS b"), [(byte)'c'] = (2, "GS c"), [(byte)'f'] = (3, "GS f"),
        [(byte)'g'] = (5, "GS g"), [(byte)'r'] = (3, "GS r"), [(byte)'z'] = (3, "GS z"),
    };

    // Input is taken this much at a time, so one large Feed neither grows the buffer to its size nor outruns the cap.
    private const int FeedChunk = 64 * 1024;

    private readonly Queue<EscPosDecodedItem> _items = new();
    private long _dropped;
    private byte[] _buffer = new byte[256];
    private int _length;
    private long _offset;
    private byte _codePage = options?.InitialCodePage ?? 0;

    // User-defined characters (ESC &), indexed by code − 0x20, and whether ESC % 1 has selected them.
    private readonly MonochromeBitmap?[] _userGlyphs = new MonochromeBitmap?[DefineUserCharactersCommand.LastDefinableCode - DefineUserCharactersCommand.FirstDefinableCode + 1];
    private bool _userCharactersSelected;

    /// <summary>A decoder with <see cref="EscPosDecoderOptions.Default"/>.</summary>
    public EscPosDecoder()
        : this(EscPosDecoderOptions.Default)
    {
    }

    /// <summary>The options this decoder reads with.</summary>
    public EscPosDecoderOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>The ESC t page in force after the bytes fed so far.</summary>
    public byte CodePage => _codePage;

    /// <summary>How many bytes wait for the rest of a command or text run.</summary>
    public int Pending => _length;

    /// <summary>How many decoded items wait to be read; at most <see cref="EscPosDecoderOptions.MaxPendingItems"/>.</summary>
    public int PendingItems => _items.Count;

    /// <summary>How many items were dropped, oldest first, because <see cref="EscPosDecoderOptions.MaxPendingItems"/> were unread.</summary>
    public long DroppedItems => _dropped;

    /// <summary>Decodes a whole job at once, every item of it (<see cref="EscPosDecoderOptions.MaxPendingItems"/> does not apply).</summary>
    public static EscPosDecodedDocument DecodeAll(ReadOnlySpan<byte> bytes, EscPosDecoderOptions? options = null)
    {
        // The whole job is the caller's to hold, so the cap on unread items does not apply to it.
        var decoder = new EscPosDecoder((options ?? EscPosDecoderOptions.Default) with { MaxPendingItems = int.MaxValue });
        decoder.Feed(bytes);
        decoder.Complete();
        var items = new List<EscPosDecodedItem>(decoder.PendingItems);
        decoder.DrainInto(items);
        return new EscPosDecodedDocument(items);
    }

    /// <summary>Adds bytes from the wire.</summary>
    public void Feed(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var chunk = bytes[..Math.Min(bytes.Length, FeedChunk)];
            if (_length + chunk.Length > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + chunk.Length));
            }

            chunk.CopyTo(_buffer.AsSpan(_length));
            _length += chunk.Length;
            bytes = bytes[chunk.Length..];
            Parse(final: false);
        }
    }

    /// <summary>The stream has ended: flushes the last text run and reports a command cut short as malformed.</summary>
    public void Complete()
    {
        Parse(final: true);
        if (_length > 0)
        {
            var rest = _buffer.AsSpan(0, _length);
            Emit(EscPosItemKind.Malformed, "truncated", rest, _offset, Invariant($"the stream ends inside a command starting {Hex(rest[..Math.Min(rest.Length, 4)])}: {rest.Length} bytes are not a whole command"));
            Consume(_length);
        }
    }

    /// <summary>Takes the next item, if one is ready.</summary>
    public bool TryRead(out EscPosDecodedItem item) => _items.TryDequeue(out item!);

    private void DrainInto(List<EscPosDecodedItem> items)
    {
        while (_items.TryDequeue(out var item))
        {
            items.Add(item);
        }
    }

    /// <summary>Forgets partial input and goes back to the initial code page, as after ESC @ or a new job.</summary>
    public void Reset()
    {
        _length = 0;
        _items.Clear();
        ResetModes();
    }

    private void ResetModes()
    {
        _codePage = Options.InitialCodePage;
        ResetSymbolSettings();
        _userCharactersSelected = false;
        Array.Clear(_userGlyphs);
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);

    private void Parse(bool final)
    {
        var position = 0;
        while (position < _length)
        {
            var consumed = ParseOne(_buffer.AsSpan(position, _length - position), _offset + position, final);
            if (consumed == 0)
            {
                break;
            }

            position += consumed;
        }

        Consume(position);
    }

    private void Consume(int count)
    {
        _buffer.AsSpan(count, _length - count).CopyTo(_buffer);
        _length -= count;
        _offset += count;
    }

    private void Emit(EscPosItemKind kind, string name, ReadOnlySpan<byte> bytes, long offset, string? summary = null, EscPosCommand? command = null, EscPosPrintedSymbol? symbol = null) =>
        Enqueue(new EscPosDecodedItem { Offset = offset, Kind = kind, Name = name, Bytes = bytes.ToArray(), Summary = summary, Command = command, Symbol = symbol });

    private void Enqueue(EscPosDecodedItem item)
    {
        while (_items.Count >= Math.Max(1, Options.MaxPendingItems))
        {
            _items.Dequeue();
            _dropped++;
        }

        _items.Enqueue(item);
    }

    /// <summary>Parses one item at the start of <paramref name="span"/>; returns the bytes it took, or 0 to wait for more.</summary>
    private int ParseOne(ReadOnlySpan<byte> span, long offset, bool final)
    {
        var first = span[0];
        switch (first)
        {
            case >= 0x20:
                return ParseText(span, offset, final);
            case EscPosControl.LineFeed:
                Emit(EscPosItemKind.Command, "LF", span[..1], offset, "print and line feed", new LineFeedCommand());
                return 1;
            case EscPosControl.CarriageReturn:
                Emit(EscPosItemKind.Command, "CR", span[..1], offset, "carriage return");
                return 1;
            case EscPosControl.HorizontalTab:
                Emit(EscPosItemKind.Command, "HT", span[..1], offset, "horizontal tab");
                return 1;
            case 0x0C:
                Emit(EscPosItemKind.Command, "FF", span[..1], offset, "print and return to standard mode");
                return 1;
            case EscPosControl.Escape:
                return span.Length < 2 ? 0 : ParseEscape(span, offset);
            case EscPosControl.GroupSeparator:
                return span.Length < 2 ? 0 : ParseGroup(span, offset);
            case EscPosControl.DataLinkEscape:
                return span.Length < 2 ? 0 : ParseDataLink(span, offset);
            case EscPosControl.FileSeparator:
                return span.Length < 2 ? 0 : ParseFileSeparator(span, offset);
            default:
                Emit(EscPosItemKind.Unknown, "control", span[..1], offset, Invariant($"control byte 0x{first:X2} has no ESC/POS meaning; skipped"));
                return 1;
        }
    }

    private int ParseText(ReadOnlySpan<byte> span, long offset, bool final)
    {
        var end = span.IndexOfAnyInRange((byte)0x00, (byte)0x1F);
        if (end < 0)
        {
            if (!final && span.Length < Options.MaxTextRun)
            {
                return 0;
            }

            end = span.Length;
        }

        end = Math.Min(end, Options.MaxTextRun);
        var bytes = span[..end].ToArray();
        var glyphs = UserGlyphsFor(bytes);
        Enqueue(new EscPosDecodedItem
        {
            Offset = offset,
            Kind = EscPosItemKind.Text,
            Name = "text",
            Bytes = bytes,
            Text = glyphs is null ? Options.CodePages.Decode(_codePage, bytes) : DecodeWithUserGlyphs(bytes, glyphs),
            CodePage = _codePage,
            Glyphs = glyphs,
            Summary = glyphs is null
                ? Invariant($"{bytes.Length} bytes in {Options.CodePages.NameOf(_codePage)}")
                : Invariant($"{bytes.Length} bytes, {glyphs.Count(glyph => glyph is not null)} of them user-defined characters"),
        });
        return end;
    }

    private MonochromeBitmap?[]? UserGlyphsFor(byte[] bytes)
    {
        if (!_userCharactersSelected)
        {
            return null;
        }

        var glyphs = new MonochromeBitmap?[bytes.Length];
        var any = false;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] is >= DefineUserCharactersCommand.FirstDefinableCode and <= DefineUserCharactersCommand.LastDefinableCode)
            {
                glyphs[i] = _userGlyphs[bytes[i] - DefineUserCharactersCommand.FirstDefinableCode];
                any |= glyphs[i] is not null;
            }
        }

        return any ? glyphs : null;
    }

    private string DecodeWithUserGlyphs(byte[] bytes, MonochromeBitmap?[] glyphs)
    {
        // A user-defined glyph is a picture, not a character: only a recogniser (one that knows the font it was drawn
        // with) can say which letter it is. Without one, or for a glyph it does not know, U+FFFD stands in.
        var text = new System.Text.StringBuilder(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            text.Append(glyphs[i] is { } glyph
                ? Options.RecognizeUserCharacter?.Invoke(glyph) ?? "\uFFFD"
                : Options.CodePages.Decode(_codePage, [bytes[i]]));
        }

        return text.ToString();
    }

    private int ParseUserCharacters(ReadOnlySpan<byte> span, long offset)
    {
        // ESC & y c1 c2 [x d1 … d(y·x)] × (c2 − c1 + 1) (Epson reference, "ESC & Define user-defined characters").
        if (span.Length < 5)
        {
            return 0;
        }

        int perColumn = span[2], first = span[3], last = span[4];
        if (perColumn is < 1 or > 3 || first < DefineUserCharactersCommand.FirstDefinableCode || last > DefineUserCharactersCommand.LastDefinableCode || first > last)
        {
            Emit(EscPosItemKind.Malformed, "ESC &", span[..5], offset, Invariant($"y = {perColumn}, c1 = 0x{first:X2}, c2 = 0x{last:X2}: y must be 1–3 and 0x20 ≤ c1 ≤ c2 ≤ 0x7E; header skipped"));
            return 5;
        }

        var position = 5;
        var glyphs = new List<MonochromeBitmap>(last - first + 1);
        for (var code = first; code <= last; code++)
        {
            if (span.Length <= position)
            {
                return 0;
            }

            var width = span[position];
            if (width > DefineUserCharactersCommand.MaxGlyphWidth)
            {
                Emit(EscPosItemKind.Malformed, "ESC &", span[..(position + 1)], offset, Invariant($"glyph 0x{code:X2} claims {width} columns; Font A allows at most 12; the definition is skipped up to its width byte"));
                return position + 1;
            }

            var length = width * perColumn;
            if (span.Length < position + 1 + length)
            {
                return 0;
            }

            glyphs.Add(width == 0 ? new MonochromeBitmap(1, perColumn * 8) : DefineUserCharactersCommand.GlyphFromColumns(perColumn, width, span.Slice(position + 1, length)));
            position += 1 + length;
        }

        for (var i = 0; i < glyphs.Count; i++)
        {
            _userGlyphs[first + i - DefineUserCharactersCommand.FirstDefinableCode] = glyphs[i];
        }

        Emit(EscPosItemKind.Command, "ESC &", span[..position], offset, Invariant($"{glyphs.Count} user-defined characters 0x{first:X2}–0x{last:X2}, {perColumn * 8} dots high"), new DefineUserCharactersCommand((byte)first, glyphs));
        return position;
    }

    private int ParseEscape(ReadOnlySpan<byte> span, long offset)
    {
        var function = span[1];
        switch (function)
        {
            case (byte)'@':
                ResetModes();
                Emit(EscPosItemKind.Command, "ESC @", span[..2], offset, "initialize printer", new InitializeCommand());
                return 2;
            case (byte)'t':
                if (span.Length < 3)
                {
                    return 0;
                }

                _codePage = span[2];
                Emit(EscPosItemKind.Command, "ESC t", span[..3], offset, Invariant($"code page {span[2]}: {Options.CodePages.NameOf(span[2])}"), new SelectCodePageCommand(span[2]));
                return 3;
            case (byte)'E':
                if (span.Length < 3)
                {
                    return 0;
                }

                var bold = (span[2] & 1) == 1;
                Emit(EscPosItemKind.Command, "ESC E", span[..3], offset, bold ? "bold on" : "bold off", new BoldCommand(bold));
                return 3;
            case (byte)'a':
                if (span.Length < 3)
                {
                    return 0;
                }

                var justification = span[2] >= 48 ? span[2] - 48 : span[2];
                if (justification > 2)
                {
                    Emit(EscPosItemKind.Malformed, "ESC a", span[..3], offset, Invariant($"justification n = {span[2]} is outside 0–2 and 48–50"));
                    return 3;
                }

                var alignment = (EscPosAlignment)justification;
                Emit(EscPosItemKind.Command, "ESC a", span[..3], offset, "align " + alignment.ToString().ToLowerInvariant(), new AlignCommand(alignment));
                return 3;
            case (byte)'d':
                if (span.Length < 3)
                {
                    return 0;
                }

                Emit(EscPosItemKind.Command, "ESC d", span[..3], offset, Invariant($"print and feed {span[2]} lines"), new FeedLinesCommand(span[2]));
                return 3;
            case (byte)'J':
                if (span.Length < 3)
                {
                    return 0;
                }

                Emit(EscPosItemKind.Command, "ESC J", span[..3], offset, Invariant($"print and feed {span[2]} dots"), new FeedDotsCommand(span[2]));
                return 3;
            case (byte)'*':
                return ParseBitImage(span, offset);
            case (byte)'-':
                return ParseUnderline(span, offset);
            case (byte)'2':
                Emit(EscPosItemKind.Command, "ESC 2", span[..2], offset, "default line spacing", new LineSpacingCommand(null));
                return 2;
            case (byte)'3':
                if (span.Length < 3)
                {
                    return 0;
                }

                Emit(EscPosItemKind.Command, "ESC 3", span[..3], offset, Invariant($"line spacing {span[2]} dots"), new LineSpacingCommand(span[2]));
                return 3;
            case (byte)'$':
                if (span.Length < 4)
                {
                    return 0;
                }

                var absolute = (ushort)(span[2] | (span[3] << 8));
                Emit(EscPosItemKind.Command, "ESC $", span[..4], offset, Invariant($"absolute position {absolute} units from the line start"), new AbsolutePositionCommand(absolute));
                return 4;
            case (byte)'\\':
                if (span.Length < 4)
                {
                    return 0;
                }

                var relative = (short)(span[2] | (span[3] << 8));
                Emit(EscPosItemKind.Command, "ESC \\", span[..4], offset, Invariant($"relative position {relative:+0;-0;0} units"), new RelativePositionCommand(relative));
                return 4;
            case (byte)'&':
                return ParseUserCharacters(span, offset);
            case (byte)'%':
                if (span.Length < 3)
                {
                    return 0;
                }

                _userCharactersSelected = (span[2] & 1) == 1;
                Emit(EscPosItemKind.Command, "ESC %", span[..3], offset, _userCharactersSelected ? "user-defined characters selected" : "user-defined characters cancelled", new SelectUserCharactersCommand(_userCharactersSelected));
                return 3;
            case (byte)'D':
                return ParseTerminated(span, offset, 2, 33, "ESC D", "horizontal tab positions");
            case (byte)'(':
                return ParseParameterBlock(span, offset, "ESC (");
            default:
                if (EscapeFixed.TryGetValue(function, out var known))
                {
                    if (span.Length < known.Length)
                    {
                        return 0;
                    }

                    Emit(EscPosItemKind.Unknown, known.Name, span[..known.Length], offset, "not emitted by KioskController; skipped by its documented length");
                    return known.Length;
                }

                Emit(EscPosItemKind.Unknown, "unknown", span[..2], offset, Invariant($"ESC 0x{function:X2} is not an ESC/POS command this decoder knows; skipped 2 bytes"));
                return 2;
        }
    }

    private int ParseGroup(ReadOnlySpan<byte> span, long offset)
    {
        var function = span[1];
        switch (function)
        {
            case (byte)'!':
                if (span.Length < 3)
                {
                    return 0;
                }

                var size = CharacterSizeCommand.FromParameter(span[2]);
                Emit(EscPosItemKind.Command, "GS !", span[..3], offset, Invariant($"character size {size.Width}×{size.Height}"), size);
                return 3;
            case (byte)'V':
                return ParseCut(span, offset);
            case (byte)'h':
                if (span.Length < 3)
                {
                    return 0;
                }

                _barcodeHeight = span[2];
                Emit(EscPosItemKind.Command, "GS h", span[..3], offset, Invariant($"barcode height {span[2]} dots"), new BarcodeHeightCommand(span[2]));
                return 3;
            case (byte)'H':
                if (span.Length < 3)
                {
                    return 0;
                }

                var hri = span[2] >= 48 ? span[2] - 48 : span[2];
                if (hri > 3)
                {
                    Emit(EscPosItemKind.Malformed, "GS H", span[..3], offset, Invariant($"HRI position n = {span[2]} is outside 0–3 and 48–51"));
                    return 3;
                }

                _hriPosition = (EscPosHriPosition)hri;
                Emit(EscPosItemKind.Command, "GS H", span[..3], offset, "HRI " + ((EscPosHriPosition)hri).ToString().ToLowerInvariant(), new BarcodeHriPositionCommand((EscPosHriPosition)hri));
                return 3;
            case (byte)'k':
                return ParseBarcode(span, offset);
            case (byte)'w':
                if (span.Length < 3)
                {
                    return 0;
                }

                _barcodeModuleWidth = span[2];
                Emit(EscPosItemKind.Command, "GS w", span[..3], offset, Invariant($"barcode module width {span[2]} dots"), new BarcodeModuleWidthCommand(span[2]));
                return 3;
            case (byte)'v':
                return ParseRaster(span, offset);
            case (byte)'(':
                return ParseParameterBlock(span, offset, "GS (");
            case (byte)'8':
                return ParseLongGraphics(span, offset);
            default:
                if (GroupFixed.TryGetValue(function, out var known))
                {
                    if (span.Length < known.Length)
                    {
                        return 0;
                    }

                    Emit(EscPosItemKind.Unknown, known.Name, span[..known.Length], offset, "not emitted by KioskController; skipped by its documented length");
                    return known.Length;
                }

                Emit(EscPosItemKind.Unknown, "unknown", span[..2], offset, Invariant($"GS 0x{function:X2} is not an ESC/POS command this decoder knows; skipped 2 bytes"));
                return 2;
        }
    }

    private int ParseDataLink(ReadOnlySpan<byte> span, long offset)
    {
        var function = span[1];
        if (function is EscPosControl.EndOfTransmission or 0x05)
        {
            if (span.Length < 3)
            {
                return 0;
            }

            if (function == EscPosControl.EndOfTransmission && span[2] is >= 1 and <= 4)
            {
                var kind = (RealTimeStatusKind)span[2];
                Emit(EscPosItemKind.Command, "DLE EOT", span[..3], offset, "real-time status: " + kind.ToString().ToLowerInvariant(), new RealTimeStatusRequestCommand(kind));
            }
            else
            {
                Emit(EscPosItemKind.Unknown, function == 0x05 ? "DLE ENQ" : "DLE EOT", span[..3], offset, Invariant($"real-time request n = {span[2]}; skipped"));
            }

            return 3;
        }

        if (function == 0x14)
        {
            // DLE DC4 fn a b: every function the reference lists takes five bytes in all.
            if (span.Length < 5)
            {
                return 0;
            }

            Emit(EscPosItemKind.Unknown, "DLE DC4", span[..5], offset, "real-time request; skipped");
            return 5;
        }

        Emit(EscPosItemKind.Unknown, "control", span[..1], offset, "DLE not followed by EOT, ENQ or DC4; skipped 1 byte");
        return 1;
    }

    private int ParseFileSeparator(ReadOnlySpan<byte> span, long offset)
    {
        var function = span[1];
        if (function == (byte)'(')
        {
            return ParseParameterBlock(span, offset, "FS (");
        }

        var length = function switch
        {
            // FS S n1 n2: left and right Kanji spacing (Epson reference, "FS S Set left- and right-side Kanji character spacing");
            // FS ? c1 c2: cancel user-defined Kanji characters.
            (byte)'p' or (byte)'S' or (byte)'?' => 4,
            (byte)'!' or (byte)'-' or (byte)'C' or (byte)'W' => 3,
            (byte)'&' or (byte)'.' => 2,
            _ => 0,
        };
        if (length == 0)
        {
            Emit(EscPosItemKind.Unknown, "unknown", span[..2], offset, Invariant($"FS 0x{function:X2} is not a command this decoder knows; skipped 2 bytes"));
            return 2;
        }

        if (span.Length < length)
        {
            return 0;
        }

        Emit(EscPosItemKind.Unknown, Invariant($"FS {(char)function}"), span[..length], offset, "Kanji or NV graphics command; skipped");
        return length;
    }

    private int ParseCut(ReadOnlySpan<byte> span, long offset)
    {
        if (span.Length < 3)
        {
            return 0;
        }

        var mode = span[2];
        if (mode is 0 or 1 or 48 or 49)
        {
            var cutMode = mode is 1 or 49 ? EscPosCutMode.Partial : EscPosCutMode.Full;
            Emit(EscPosItemKind.Command, "GS V", span[..3], offset, cutMode == EscPosCutMode.Partial ? "partial cut" : "full cut", new CutCommand(cutMode));
            return 3;
        }

        if (mode is 65 or 66 or (>= 97 and <= 104))
        {
            if (span.Length < 4)
            {
                return 0;
            }

            var cutMode = mode is 66 or 98 or 104 ? EscPosCutMode.Partial : EscPosCutMode.Full;
            var summary = Invariant($"feed {span[3]} units and {(cutMode == EscPosCutMode.Partial ? "partial" : "full")} cut");
            Emit(EscPosItemKind.Command, "GS V", span[..4], offset, summary, mode is 65 or 66 ? new CutCommand(cutMode, span[3]) : null);
            return 4;
        }

        Emit(EscPosItemKind.Malformed, "GS V", span[..3], offset, Invariant($"cut mode m = {mode} is not one the reference lists"));
        return 3;
    }

    private int ParseRaster(ReadOnlySpan<byte> span, long offset)
    {
        if (span.Length < 3)
        {
            return 0;
        }

        if (span[2] != 0x30)
        {
            Emit(EscPosItemKind.Unknown, "unknown", span[..2], offset, "GS v not followed by '0'; skipped 2 bytes");
            return 2;
        }

        if (span.Length < RasterImageCommand.HeaderLength)
        {
            return 0;
        }

        var scale = span[3];
        var widthBytes = span[4] | (span[5] << 8);
        var height = span[6] | (span[7] << 8);
        var dataLength = (long)widthBytes * height;
        var header = span[..RasterImageCommand.HeaderLength];
        if (widthBytes == 0 || height == 0 || scale is > 3 and < 48 or > 51)
        {
            Emit(EscPosItemKind.Malformed, "GS v 0", header, offset, Invariant($"raster header m = {scale}, x = {widthBytes} bytes, y = {height} dots is out of range"));
            return RasterImageCommand.HeaderLength;
        }

        if (dataLength > Options.MaxImageBytes)
        {
            Emit(EscPosItemKind.Malformed, "GS v 0", header, offset, Invariant($"raster of {dataLength} bytes exceeds the {Options.MaxImageBytes}-byte limit; skipped the header only"));
            return RasterImageCommand.HeaderLength;
        }

        var total = RasterImageCommand.HeaderLength + (int)dataLength;
        if (span.Length < total)
        {
            return 0;
        }

        var bitmap = new MonochromeBitmap(widthBytes * 8, height, span[RasterImageCommand.HeaderLength..total]);
        var command = new RasterImageCommand(bitmap, (RasterScale)(scale & 0x03));
        Emit(EscPosItemKind.Command, "GS v 0", span[..total], offset, Invariant($"raster {widthBytes * 8}×{height} dots, {dataLength} bytes"), command);
        return total;
    }

    private int ParseTerminated(ReadOnlySpan<byte> span, long offset, int start, int maxData, string name, string summary)
    {
        var end = span[start..].IndexOf((byte)0);
        if (end < 0)
        {
            if (span.Length - start <= maxData)
            {
                return 0;
            }

            Emit(EscPosItemKind.Malformed, name, span[..start], offset, Invariant($"{summary}: no NUL within {maxData} bytes; skipped the command bytes"));
            return start;
        }

        var length = start + end + 1;
        Emit(name == "GS k" ? EscPosItemKind.Command : EscPosItemKind.Unknown, name, span[..length], offset, Invariant($"{summary}, {end} data bytes"));
        return length;
    }
}
