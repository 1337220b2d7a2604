using System.Text;
using static System.FormattableString;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>Barcodes (GS h, GS w, GS H, GS k) and QR codes (GS ( k, cn = 49): settings tracked, symbols resolved.</summary>
public sealed partial class EscPosDecoder
{
    private static readonly System.Buffers.SearchValues<byte> Code39Characters =
        System.Buffers.SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./"u8);

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Power-on values (Epson reference: GS h 162 dots, GS w 3, GS H 0; GS ( k model 2, module 3 dots, level L).
    private int _barcodeHeight = 162;
    private int _barcodeModuleWidth = BarcodeModuleWidthCommand.Default;
    private EscPosHriPosition _hriPosition = EscPosHriPosition.None;
    private int _qrModel = 2;
    private int _qrModuleSize = QrCodeModuleSizeCommand.Default;
    private QrCodeErrorCorrection _qrErrorCorrection = QrCodeErrorCorrection.Low;
    private byte[]? _qrData;

    private void ResetSymbolSettings()
    {
        (_barcodeHeight, _barcodeModuleWidth, _hriPosition) = (162, BarcodeModuleWidthCommand.Default, EscPosHriPosition.None);
        (_qrModel, _qrModuleSize, _qrErrorCorrection, _qrData) = (2, QrCodeModuleSizeCommand.Default, QrCodeErrorCorrection.Low, null);
    }

    private int ParseBarcode(ReadOnlySpan<byte> span, long offset)
    {
        if (span.Length < 3)
        {
            return 0;
        }

        var system = span[2];
        int length;
        ReadOnlySpan<byte> data;
        EscPosBarcodeSymbology? symbology;
        if (system <= 6)
        {
            // Function A: data ends with NUL, at most 255 bytes.
            var window = span[3..Math.Min(span.Length, 3 + 256)];
            var end = window.IndexOf((byte)0);
            if (end < 0)
            {
                if (window.Length < 256)
                {
                    return 0;
                }

                Emit(EscPosItemKind.Malformed, "GS k", span[..3], offset,
                    Invariant($"barcode system {system}: no NUL within 255 data bytes; skipped the command bytes"));
                return 3;
            }

            length = 3 + end + 1;
            data = span[3..(3 + end)];
            symbology = (EscPosBarcodeSymbology)(system + (byte)EscPosBarcodeSymbology.UpcA);
        }
        else if (system is >= 65 and <= 79)
        {
            if (span.Length < 4)
            {
                return 0;
            }

            length = 4 + span[3];
            if (span.Length < length)
            {
                return 0;
            }

            data = span[4..length];
            symbology = system <= 73 ? (EscPosBarcodeSymbology)system : null;
        }
        else
        {
            Emit(EscPosItemKind.Malformed, "GS k", span[..3], offset, Invariant($"barcode system m = {system} is outside 0–6 and 65–79"));
            return 3;
        }

        var bytes = span[..length];
        if (symbology is not { } known)
        {
            Emit(EscPosItemKind.Command, "GS k", bytes, offset,
                Invariant($"barcode system {system} (GS1 DataBar or CODE128 auto), {data.Length} data bytes; not drawn"));
            return length;
        }

        var name = known.ToString().ToUpperInvariant();
        string? error = "no data";
        if (data.IsEmpty || !TryBarcodeSymbol(known, data, out var symbol, out error))
        {
            Emit(EscPosItemKind.Malformed, "GS k", bytes, offset, Invariant($"{name} barcode not printed: {error}"));
            return length;
        }

        var command = new BarcodeCommand(known, data, nulTerminated: system <= 6);
        Emit(EscPosItemKind.Command, "GS k", bytes, offset,
            Invariant($"{name} barcode \"{symbol.Text}\", {data.Length} data bytes, {symbol.Height} dots high"), command, symbol);
        return length;
    }

    private bool TryBarcodeSymbol(EscPosBarcodeSymbology symbology, ReadOnlySpan<byte> data, out EscPosPrintedSymbol symbol, out string? error)
    {
        symbol = null!;
        IReadOnlyList<int>? values = null;
        string text;
        if (symbology == EscPosBarcodeSymbology.Code128)
        {
            if (!EscPosCode128Data.TryParse(data, out var code128, out error))
            {
                return false;
            }

            (values, text) = (code128.Values, code128.Text);
        }
        else if (!TryBarcodeText(symbology, data, out text, out error))
        {
            return false;
        }

        symbol = new EscPosPrintedSymbol
        {
            Kind = EscPosSymbolKind.Barcode,
            Symbology = symbology,
            Data = data.ToArray(),
            Text = text,
            Code128Values = values,
            ModuleWidth = _barcodeModuleWidth,
            Height = _barcodeHeight,
            HriPosition = _hriPosition,
        };
        return true;
    }

    /// <summary>The HRI text of a non-CODE128 barcode, checked against the ranges of the Epson reference's GS k table.</summary>
    private static bool TryBarcodeText(EscPosBarcodeSymbology symbology, ReadOnlySpan<byte> data, out string text, out string? error)
    {
        text = Encoding.ASCII.GetString(data);
        error = null;
        var digits = data.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;
        (int Short, int Long)? lengths = symbology switch
        {
            EscPosBarcodeSymbology.UpcA => (11, 12),
            EscPosBarcodeSymbology.Ean13 => (12, 13),
            EscPosBarcodeSymbology.Ean8 => (7, 8),
            _ => null,
        };
        if (lengths is { } range)
        {
            if (!digits || (data.Length != range.Short && data.Length != range.Long))
            {
                error = Invariant($"{symbology} takes {range.Short} or {range.Long} digits; got \"{text}\"");
                return false;
            }

            // The printer adds the check digit when it is left out, and prints it in the HRI.
            text = data.Length == range.Short ? text + CheckDigit(text) : text;
            return true;
        }

        switch (symbology)
        {
            case EscPosBarcodeSymbology.Itf when !digits || data.Length % 2 != 0:
                error = Invariant($"ITF takes an even number of digits; got \"{text}\"");
                return false;
            case EscPosBarcodeSymbology.Code39 when data.IndexOfAnyExcept(Code39Characters) >= 0:
                error = Invariant($"CODE39 takes 0–9, A–Z, space and $%*+-./; got \"{text}\"");
                return false;
            case EscPosBarcodeSymbology.Code39:
                // A leading and trailing '*' are the start and stop characters, which the printer otherwise adds.
                text = text.Trim('*');
                return text.Length > 0 || Fail("CODE39 has no data between its start and stop characters", out error);
            default:
                return true;
        }
    }

    private static bool Fail(string reason, out string? error)
    {
        error = reason;
        return false;
    }

    /// <summary>The UPC/EAN check digit: weights 3 and 1 alternating from the rightmost data digit (GS1 General Specifications §7.9).</summary>
    private static char CheckDigit(string digits)
    {
        var sum = 0;
        for (var index = 0; index < digits.Length; index++)
        {
            var weight = (digits.Length - index) % 2 == 1 ? 3 : 1;
            sum += (digits[index] - '0') * weight;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    private void ParseQrFunction(ReadOnlySpan<byte> command, long offset)
    {
        var name = "GS ( k";
        var symbol = command[5];
        var function = command[6];
        if (symbol != 49)
        {
            Emit(EscPosItemKind.Command, name, command, offset,
                Invariant($"2D code cn = {symbol}, fn = {function}; only QR (cn = 49) is drawn"));
            return;
        }

        if (function is 65 or 67 or 69 or 80 or 81 && command.Length < 8)
        {
            Emit(EscPosItemKind.Malformed, name, command, offset, Invariant($"QR function {function} without its parameter"));
            return;
        }

        var parameter = command.Length > 7 ? command[7] : (byte)0;
        switch (function)
        {
            case 65 when parameter is >= 49 and <= 51:
                _qrModel = parameter - 48;
                Emit(EscPosItemKind.Command, name, command, offset,
                    Invariant($"QR model {_qrModel}"), new QrCodeModelCommand((byte)_qrModel));
                break;
            case 67 when parameter is >= 1 and <= 16:
                _qrModuleSize = parameter;
                Emit(EscPosItemKind.Command, name, command, offset,
                    Invariant($"QR module size {parameter} dots"), new QrCodeModuleSizeCommand(parameter));
                break;
            case 69 when parameter is >= 48 and <= 51:
                _qrErrorCorrection = (QrCodeErrorCorrection)parameter;
                Emit(EscPosItemKind.Command, name, command, offset,
                    "QR error correction " + _qrErrorCorrection.ToString().ToLowerInvariant(), new QrCodeErrorCorrectionCommand(_qrErrorCorrection));
                break;
            case 80 when parameter == 48 && command.Length - 8 <= QrCodeCommand.MaxDataLength:
                _qrData = command[8..].ToArray();
                Emit(EscPosItemKind.Command, name, command, offset,
                    Invariant($"QR store {_qrData.Length} data bytes"), new QrCodeStoreCommand(_qrData));
                break;
            case 81 when parameter == 48:
                EmitQrPrint(command, offset);
                break;
            case 82:
                Emit(EscPosItemKind.Command, name, command, offset, "QR transmit size of stored symbol");
                break;
            case 65 or 67 or 69 or 80 or 81:
                Emit(EscPosItemKind.Malformed, name, command, offset,
                    Invariant($"QR function {function} parameter {parameter} (or {command.Length - 8} data bytes) is out of the reference's range"));
                break;
            default:
                Emit(EscPosItemKind.Command, name, command, offset, Invariant($"QR function {function}"));
                break;
        }
    }

    private void EmitQrPrint(ReadOnlySpan<byte> command, long offset)
    {
        if (_qrData is not { Length: > 0 } data)
        {
            Emit(EscPosItemKind.Command, "GS ( k", command, offset,
                "QR print stored symbol: nothing is stored, nothing printed", new QrCodePrintCommand());
            return;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(data);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.Latin1.GetString(data);
        }

        var symbol = new EscPosPrintedSymbol
        {
            Kind = EscPosSymbolKind.QrCode,
            Data = data,
            Text = text,
            ModuleWidth = _qrModuleSize,
            QrModel = _qrModel,
            ErrorCorrection = _qrErrorCorrection,
        };
        Emit(EscPosItemKind.Command, "GS ( k", command, offset,
            Invariant($"QR print stored symbol \"{text}\", model {_qrModel}, {_qrModuleSize}-dot modules"), new QrCodePrintCommand(), symbol);
    }
}
