using static System.FormattableString;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>Underline, bit images (ESC *), graphics (GS ( L, GS 8 L) and the parameter-block commands.</summary>
public sealed partial class EscPosDecoder
{
    private int ParseUnderline(ReadOnlySpan<byte> span, long offset)
    {
        if (span.Length < 3)
        {
            return 0;
        }

        var thickness = span[2] >= 48 ? span[2] - 48 : span[2];
        if (thickness > 2)
        {
            Emit(EscPosItemKind.Malformed, "ESC -", span[..3], offset, Invariant($"underline n = {span[2]} is outside 0–2 and 48–50"));
            return 3;
        }

        Emit(EscPosItemKind.Command, "ESC -", span[..3], offset,
            thickness == 0 ? "underline off" : Invariant($"underline {thickness} dot{(thickness == 1 ? string.Empty : "s")} thick"), new UnderlineCommand((byte)thickness));
        return 3;
    }

    private int ParseBitImage(ReadOnlySpan<byte> span, long offset)
    {
        // ESC * m nL nH d1…dk: k = n for 8-dot modes (m = 0, 1), 3n for 24-dot modes (m = 32, 33).
        if (span.Length < 5)
        {
            return 0;
        }

        var columns = span[3] | (span[4] << 8);
        var mode = (EscPosBitImageMode)span[2];
        var perColumn = BitImageCommand.BytesPerColumn(mode);
        if (perColumn == 0)
        {
            Emit(EscPosItemKind.Malformed, "ESC *", span[..5], offset, Invariant($"bit-image mode m = {span[2]} is not 0, 1, 32 or 33"));
            return 5;
        }

        var length = 5 + (columns * perColumn);
        if (span.Length < length)
        {
            return 0;
        }

        if (columns == 0)
        {
            Emit(EscPosItemKind.Malformed, "ESC *", span[..5], offset, "bit image of 0 columns; nothing printed");
            return 5;
        }

        var command = new BitImageCommand(BitImageCommand.BitmapFromColumns(perColumn, columns, span[5..length]), mode);
        Emit(EscPosItemKind.Command, "ESC *", span[..length], offset,
            Invariant($"bit image {columns}×{perColumn * 8} dots, printed {columns * command.HorizontalScale}×{perColumn * 8 * command.VerticalScale}"), command);
        return length;
    }

    private int ParseParameterBlock(ReadOnlySpan<byte> span, long offset, string prefix)
    {
        if (span.Length < 5)
        {
            return 0;
        }

        var length = 5 + (span[3] | (span[4] << 8));
        if (span.Length < length)
        {
            return 0;
        }

        var name = Invariant($"{prefix} {(char)span[2]}");
        if (prefix == "GS (" && span[2] == (byte)'k' && length >= 7)
        {
            ParseQrFunction(span[..length], offset);
        }
        else if (prefix == "GS (" && span[2] == (byte)'L' && length >= 7)
        {
            ParseGraphicsFunction(span[..length], offset, 5, name);
        }
        else
        {
            Emit(EscPosItemKind.Unknown, name, span[..length], offset, Invariant($"{length - 5} parameter bytes; skipped"));
        }

        return length;
    }

    private int ParseLongGraphics(ReadOnlySpan<byte> span, long offset)
    {
        // GS 8 L p1 p2 p3 p4 …: a 32-bit parameter count (Epson reference, "GS 8 L").
        if (span.Length < 3)
        {
            return 0;
        }

        if (span[2] != (byte)'L')
        {
            Emit(EscPosItemKind.Unknown, "unknown", span[..2], offset, "GS 8 not followed by 'L'; skipped 2 bytes");
            return 2;
        }

        if (span.Length < 7)
        {
            return 0;
        }

        var parameters = (long)span[3] | ((long)span[4] << 8) | ((long)span[5] << 16) | ((long)span[6] << 24);
        if (parameters > Options.MaxImageBytes)
        {
            Emit(EscPosItemKind.Malformed, "GS 8 L", span[..7], offset,
                Invariant($"graphics of {parameters} bytes exceeds the {Options.MaxImageBytes}-byte limit; skipped the header only"));
            return 7;
        }

        var length = 7 + (int)parameters;
        if (span.Length < length)
        {
            return 0;
        }

        if (parameters < 2)
        {
            Emit(EscPosItemKind.Malformed, "GS 8 L", span[..length], offset,
                Invariant($"graphics command of {parameters} parameter bytes has no function"));
            return length;
        }

        ParseGraphicsFunction(span[..length], offset, 7, "GS 8 L");
        return length;
    }

    /// <summary>
    /// GS ( L / GS 8 L with m = 48: function 112 stores a raster image (a bx by c xL xH yL yH data), 50 and 2 print it;
    /// other functions (NV graphics, column format, density) are reported and skipped.
    /// </summary>
    private void ParseGraphicsFunction(ReadOnlySpan<byte> command, long offset, int parametersStart, string name)
    {
        var parameters = command[parametersStart..];
        var (mode, function) = (parameters[0], parameters[1]);
        if (mode != 48)
        {
            Emit(EscPosItemKind.Unknown, name, command, offset, Invariant($"graphics m = {mode}, fn = {function}; skipped"));
            return;
        }

        switch (function)
        {
            case 50 or 2:
                Emit(EscPosItemKind.Command, name, command, offset, "print stored graphics", new PrintGraphicsCommand());
                return;
            case 112:
                ParseStoreGraphics(command, parameters, offset, name);
                return;
            default:
                Emit(EscPosItemKind.Unknown, name, command, offset,
                    Invariant($"graphics function {function}, {parameters.Length - 2} bytes; skipped"));
                return;
        }
    }

    private void ParseStoreGraphics(ReadOnlySpan<byte> command, ReadOnlySpan<byte> parameters, long offset, string name)
    {
        if (parameters.Length < StoreGraphicsCommand.ParameterHeaderLength)
        {
            Emit(EscPosItemKind.Malformed, name, command, offset,
                Invariant($"store graphics needs {StoreGraphicsCommand.ParameterHeaderLength} parameter bytes before its data; has {parameters.Length}"));
            return;
        }

        var (tone, horizontal, vertical, color) = (parameters[2], parameters[3], parameters[4], parameters[5]);
        var width = parameters[6] | (parameters[7] << 8);
        var height = parameters[8] | (parameters[9] << 8);
        var data = parameters[StoreGraphicsCommand.ParameterHeaderLength..];
        var expected = (long)MonochromeBitmap.BytesPerRowFor(Math.Max(width, 1)) * height;
        if (tone != 48 || horizontal is < 1 or > 2 || vertical is < 1 or > 2 || width == 0 || height == 0 || data.Length != expected)
        {
            Emit(EscPosItemKind.Malformed, name, command, offset,
                Invariant($"store graphics a = {tone}, bx = {horizontal}, by = {vertical}, {width}×{height} dots with {data.Length} data bytes (expected a = 48, bx and by 1–2, {expected} bytes); skipped"));
            return;
        }

        var store = new StoreGraphicsCommand(new MonochromeBitmap(width, height, data), horizontal, vertical);

        // Colour c = 50 to 52 is the second to fourth colour of multi-tone paper; a one-colour printer prints it as the first.
        var colour = color == 49 ? string.Empty : Invariant($", colour {color - 48}");
        Emit(EscPosItemKind.Command, name, command, offset,
            Invariant($"store graphics {width}×{height} dots, ×{horizontal}/×{vertical}{colour}"), store);
    }
}
