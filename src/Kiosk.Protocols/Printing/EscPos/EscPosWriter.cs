using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// Builds an ESC/POS byte stream from commands. It only encodes: sending the bytes is the driver's business.
/// </summary>
public sealed class EscPosWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private readonly List<EscPosCommand> _commands = [];

    /// <summary>How many bytes have been written.</summary>
    public int Length => _buffer.WrittenCount;

    /// <summary>The commands written so far, in order.</summary>
    public IReadOnlyList<EscPosCommand> Commands => _commands;

    /// <summary>Appends <paramref name="command"/>.</summary>
    public EscPosWriter Write(EscPosCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Encode(_buffer);
        _commands.Add(command);
        return this;
    }

    /// <summary>Appends every command of <paramref name="commands"/>.</summary>
    public EscPosWriter WriteAll(IEnumerable<EscPosCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        foreach (var command in commands)
        {
            Write(command);
        }

        return this;
    }

    /// <summary>ESC @.</summary>
    public EscPosWriter Initialize() => Write(new InitializeCommand());

    /// <summary>ESC t n.</summary>
    public EscPosWriter SelectCodePage(byte page) => Write(new SelectCodePageCommand(page));

    /// <summary>ESC E n.</summary>
    public EscPosWriter Bold(bool on) => Write(new BoldCommand(on));

    /// <summary>ESC a n.</summary>
    public EscPosWriter Align(EscPosAlignment alignment) => Write(new AlignCommand(alignment));

    /// <summary>GS ! n.</summary>
    public EscPosWriter CharacterSize(int width, int height) => Write(new CharacterSizeCommand(width, height));

    /// <summary>Encoded text for the selected code page.</summary>
    public EscPosWriter Text(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? this : Write(new TextCommand(bytes));

    /// <summary>LF.</summary>
    public EscPosWriter LineFeed() => Write(new LineFeedCommand());

    /// <summary>ESC d n.</summary>
    public EscPosWriter FeedLines(byte lines) => Write(new FeedLinesCommand(lines));

    /// <summary>ESC J n.</summary>
    public EscPosWriter FeedDots(byte dots) => Write(new FeedDotsCommand(dots));

    /// <summary>GS V, function A (no feed) or B (feed then cut).</summary>
    public EscPosWriter Cut(EscPosCutMode mode, byte? feedUnits = null) => Write(new CutCommand(mode, feedUnits));

    /// <summary>GS h, GS H and GS k for a CODE128 barcode of printable ASCII.</summary>
    public EscPosWriter Code128(string text, byte heightDots = 80, EscPosHriPosition hri = EscPosHriPosition.Below) =>
        Write(new BarcodeHeightCommand(heightDots)).Write(new BarcodeHriPositionCommand(hri)).Write(BarcodeCommand.Code128(text));

    /// <summary>The GS ( k sequence that stores and prints a QR code.</summary>
    public EscPosWriter QrCode(ReadOnlySpan<byte> data, byte moduleSize = 6, QrCodeErrorCorrection errorCorrection = QrCodeErrorCorrection.Medium) =>
        Write(new QrCodeCommand(data, moduleSize, errorCorrection));

    /// <summary>The bands and feeds of <see cref="RasterBandEncoder.Encode"/>, after ESC a 0 (bands are placed from the left edge).</summary>
    public EscPosWriter Raster(MonochromeBitmap bitmap, RasterBandOptions? options = null) =>
        Align(EscPosAlignment.Left).WriteAll(RasterBandEncoder.Encode(bitmap, options).Commands);

    /// <summary>DLE EOT n.</summary>
    public EscPosWriter RequestStatus(RealTimeStatusKind kind) => Write(new RealTimeStatusRequestCommand(kind));

    /// <summary>The bytes written so far.</summary>
    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();
}
