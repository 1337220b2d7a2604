using System.Globalization;

namespace Kiosk.Devices.Barcode;

/// <summary>
/// Turns the scanner's bytes into codes and rejections. Pure: no I/O and no clock (the caller passes the time and says
/// when the inter-character gap has passed). Never throws on input; an over-long line is skipped up to its suffix.
/// </summary>
internal sealed class BarcodeLineDecoder
{
    // Room for the prefix, the longest code, and a few bytes of whitespace (a stray CR or LF, spaces) trimmed later.
    private const int TrimSlack = 4;

    private readonly BarcodeScannerOptions _options;
    private readonly byte[] _prefix;
    private readonly byte? _terminator;
    private readonly byte[] _line;
    private int _count;
    private int _overflowBytes;

    public BarcodeLineDecoder(BarcodeScannerOptions options)
    {
        _options = options;
        _prefix = [.. (options.Prefix ?? string.Empty).Select(character => (byte)character)];
        _terminator = BarcodeFraming.Terminator(options.Suffix);
        _line = new byte[_prefix.Length + options.MaximumLength + TrimSlack];
    }

    /// <summary>Whether part of a line is waiting for more bytes (or for the gap).</summary>
    public bool HasPending => _count > 0 || _overflowBytes > 0;

    /// <summary>Consumes bytes; completed lines become events in <paramref name="output"/>.</summary>
    public void Feed(ReadOnlySpan<byte> bytes, DateTimeOffset now, List<BarcodeScannerEvent> output)
    {
        foreach (var value in bytes)
        {
            if (value == _terminator)
            {
                CompleteLine(now, output);
            }
            else if (_overflowBytes > 0)
            {
                _overflowBytes++;
            }
            else if (_count == _line.Length)
            {
                // Too long to be a code: stop storing and count until the suffix, then report once.
                _overflowBytes = _count + 1;
                _count = 0;
            }
            else
            {
                _line[_count++] = value;
            }
        }
    }

    /// <summary>No byte arrived for the inter-character timeout: without a suffix that ends the code; with one, the half line is dropped.</summary>
    public void EndOfGap(DateTimeOffset now, List<BarcodeScannerEvent> output)
    {
        if (!HasPending)
        {
            return;
        }

        if (_terminator is null)
        {
            CompleteLine(now, output);
            return;
        }

        var length = _overflowBytes > 0 ? _overflowBytes : _count;
        Reset();
        output.Add(new BarcodeRejected(
            BarcodeRejectionReason.Incomplete,
            string.Create(CultureInfo.InvariantCulture, $"{length} bytes without the {_options.Suffix} suffix followed by {_options.InterCharacterTimeout.TotalMilliseconds} ms of silence; check the scanner's suffix setting"),
            now));
    }

    private void CompleteLine(DateTimeOffset now, List<BarcodeScannerEvent> output)
    {
        if (_overflowBytes > 0)
        {
            var length = _overflowBytes;
            Reset();
            output.Add(new BarcodeRejected(
                BarcodeRejectionReason.TooLong,
                string.Create(CultureInfo.InvariantCulture, $"{length} bytes before the suffix; codes are at most {_options.MaximumLength} characters (MaximumLength)"),
                now));
            return;
        }

        var line = Trim(_line.AsSpan(0, _count));
        var rejection = Validate(ref line);
        var code = rejection is null ? System.Text.Encoding.ASCII.GetString(line) : null;
        Reset();
        if (rejection is { } reason)
        {
            output.Add(new BarcodeRejected(reason.Reason, reason.Detail, now));
        }
        else if (code!.Length > 0)
        {
            output.Add(new BarcodeScanned(code, now));
        }
    }

    private (BarcodeRejectionReason Reason, string Detail)? Validate(ref ReadOnlySpan<byte> line)
    {
        // An empty line is the LF of a CR LF scanner on a port set to CR, or a scanner's keep-alive: not worth a report.
        if (line.IsEmpty)
        {
            return null;
        }

        if (_prefix.Length > 0)
        {
            if (!line.StartsWith(_prefix))
            {
                return (BarcodeRejectionReason.MissingPrefix, string.Create(CultureInfo.InvariantCulture, $"{line.Length} bytes not starting with the {_prefix.Length}-character Prefix; check the scanner's prefix setting"));
            }

            line = Trim(line[_prefix.Length..]);
        }

        var firstBad = line.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E);
        if (firstBad >= 0)
        {
            var badCount = 0;
            foreach (var value in line)
            {
                badCount += value is < 0x20 or > 0x7E ? 1 : 0;
            }

            return (BarcodeRejectionReason.NotPrintable, string.Create(
                CultureInfo.InvariantCulture,
                $"{line.Length} bytes, {badCount} outside printable ASCII (first 0x{line[firstBad]:X2} at offset {firstBad}); check the baud rate and that the scanner sends plain text"));
        }

        if (line.Length < _options.MinimumLength)
        {
            return (BarcodeRejectionReason.TooShort, string.Create(CultureInfo.InvariantCulture, $"{line.Length} characters; codes are at least {_options.MinimumLength} (MinimumLength)"));
        }

        if (line.Length > _options.MaximumLength)
        {
            return (BarcodeRejectionReason.TooLong, string.Create(CultureInfo.InvariantCulture, $"{line.Length} characters; codes are at most {_options.MaximumLength} (MaximumLength)"));
        }

        return null;
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> line) => line.Trim(" \t\r\n"u8);

    private void Reset()
    {
        _count = 0;
        _overflowBytes = 0;
    }
}
