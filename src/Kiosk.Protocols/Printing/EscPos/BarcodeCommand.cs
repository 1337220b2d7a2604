using System.Buffers;
using System.Text;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// GS k m n d1…dn (1D 6B m n data), function B of "GS k Print barcode" in the Epson reference: m = 65 to 73 names the
/// symbology and n counts the data bytes. For CODE128 the data starts with a code-set selector: "{B" selects code set B
/// (printable ASCII), and a literal '{' is written "{{". Function A, GS k m d1…dk NUL with m = 0 to 6, names the
/// same symbologies as m = 65 to 71 and ends its data with NUL instead of counting it.
/// </summary>
public sealed record BarcodeCommand : EscPosCommand
{
    /// <summary>
    /// A barcode of <paramref name="symbology"/> whose data bytes are <paramref name="data"/> (1 to 255 bytes), in
    /// function B, or function A when <paramref name="nulTerminated"/> (UPC-A to CODABAR only).
    /// </summary>
    public BarcodeCommand(EscPosBarcodeSymbology symbology, ReadOnlySpan<byte> data, bool nulTerminated = false)
    {
        ArgumentOutOfRangeException.ThrowIfZero(data.Length, nameof(data));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(data.Length, 255, nameof(data));
        if (nulTerminated && (symbology > EscPosBarcodeSymbology.Codabar || data.Contains((byte)0)))
        {
            throw new ArgumentException("Function A (NUL-terminated) covers UPC-A to CODABAR and data without NUL bytes.", nameof(data));
        }

        Symbology = symbology;
        Data = data.ToArray();
        IsNulTerminated = nulTerminated;
    }

    /// <summary>Whether this is function A: m = 0 to 6, data ended by NUL.</summary>
    public bool IsNulTerminated { get; }

    /// <summary>The symbology, the m parameter.</summary>
    public EscPosBarcodeSymbology Symbology { get; }

    /// <summary>The data bytes as sent, including any CODE128 code-set selector.</summary>
    public IReadOnlyList<byte> Data { get; }

    /// <inheritdoc/>
    public override string Name => "GS k";

    /// <summary>
    /// A CODE128 barcode of printable-ASCII <paramref name="text"/>, in code set B.
    /// </summary>
    /// <exception cref="ArgumentException">The text holds a character outside printable ASCII.</exception>
    public static BarcodeCommand Code128(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        if (text.Any(c => c is < ' ' or > '~'))
        {
            throw new ArgumentException("CODE128 code set B carries printable ASCII only; render other payloads as a QR code.", nameof(text));
        }

        var data = "{B" + text.Replace("{", "{{", StringComparison.Ordinal);
        return new BarcodeCommand(EscPosBarcodeSymbology.Code128, Encoding.ASCII.GetBytes(data));
    }

    /// <inheritdoc/>
    public override void Encode(IBufferWriter<byte> output)
    {
        if (IsNulTerminated)
        {
            Put(output, EscPosControl.GroupSeparator, 0x6B, (byte)(Symbology - EscPosBarcodeSymbology.UpcA));
            Put(output, [.. Data]);
            Put(output, 0x00);
            return;
        }

        Put(output, EscPosControl.GroupSeparator, 0x6B, (byte)Symbology, (byte)Data.Count);
        Put(output, [.. Data]);
    }
}
