using System.Globalization;
using Kiosk.Protocols.Sip2.Messages;

namespace Kiosk.Protocols.Sip2;

/// <summary>Decodes one complete frame (without its terminator). Never throws on bad input.</summary>
public static class Sip2MessageParser
{
    // "AY" digit "AZ" hhhh: the error-detection trailer (spec, "Checksums and Sequence Numbers").
    private const int ChecksumTrailerLength = 6;
    private const int SequenceTrailerLength = 3;

    /// <summary>Decodes <paramref name="frame"/> under <paramref name="options"/>.</summary>
    public static Sip2DecodeResult Parse(ReadOnlySpan<byte> frame, Sip2CodecOptions? options = null)
    {
        options ??= Sip2CodecOptions.Default;
        var copy = frame.ToArray();
        var nul = frame.IndexOf((byte)0);
        if (nul >= 0)
        {
            return Failed(copy, CharPosition(options, frame, nul), "expected printable text, found a NUL byte (0x00), which SIP2 forbids anywhere in a message (spec, \"Nulls\")");
        }

        var body = frame;
        var checksum = Sip2ChecksumStatus.Absent;
        int? sequence = null;
        if (body.Length >= 2 + ChecksumTrailerLength
            && body[^ChecksumTrailerLength] == 'A' && body[^(ChecksumTrailerLength - 1)] == 'Z')
        {
            if (!Sip2Checksum.TryParse(body[^4..], out var carried))
            {
                return Failed(copy, CharPosition(options, frame, frame.Length - 4), $"checksum: expected four hex digits after AZ, found '{Ascii(body[^4..])}'");
            }

            checksum = Sip2Checksum.Compute(body[..^4]) == carried ? Sip2ChecksumStatus.Valid : Sip2ChecksumStatus.Invalid;
            body = body[..^ChecksumTrailerLength];
            if (body.Length >= 2 + SequenceTrailerLength && body[^3] == 'A' && body[^2] == 'Y')
            {
                if (body[^1] is < (byte)'0' or > (byte)'9')
                {
                    return Failed(copy, CharPosition(options, frame, body.Length - 1), $"sequence number: expected a digit 0-9 after AY, found '{Ascii(body[^1..])}'", checksum);
                }

                sequence = body[^1] - '0';
                body = body[..^SequenceTrailerLength];
            }
        }

        string text;
        try
        {
            text = options.Encoding.GetString(body);
        }
        catch (System.Text.DecoderFallbackException ex)
        {
            return Failed(copy, ex.Index, $"expected text in {options.Encoding.WebName}, found bytes that are not valid in it");
        }

        // Windows-1258 carries tones as combining marks; callers see NFC. Positions stay those of the wire text.
        Func<string, string> normalise = Windows1258Text.AppliesTo(options.Encoding) ? Windows1258Text.FromWireForm : static value => value;

        if (text.Length < 2)
        {
            return Failed(copy, 0, $"expected a two-character command, found '{Printable(text)}'", checksum, sequence);
        }

        var command = text[..2];
        if (!char.IsAsciiDigit(command[0]) || !char.IsAsciiDigit(command[1]))
        {
            return Failed(copy, 0, $"expected a two-digit command, found '{Printable(command)}'", checksum, sequence);
        }

        if (!Sip2MessageRegistry.TryGetReader(command, out var read))
        {
            return new Sip2DecodeResult
            {
                Message = new UnknownMessage(command, normalise(text[2..])),
                Checksum = checksum,
                SequenceNumber = sequence,
                Frame = copy,
            };
        }

        var reader = new Sip2FixedFieldReader(text, 2);
        try
        {
            // Read the fixed fields first, so that a short message fails on the field it lacks, naming it.
            var probe = read(reader, Sip2FieldList.Empty);
            var fields = ReadFields(text, reader.Position, options.FieldDelimiter, normalise);
            return new Sip2DecodeResult
            {
                Message = probe with { Fields = fields },
                Checksum = checksum,
                SequenceNumber = sequence,
                FixedFields = reader.Values,
                Frame = copy,
            };
        }
        catch (Sip2FormatException ex)
        {
            return Failed(copy, ex.Position, $"{Sip2Command.NameOf(command)} ({command}): {ex.Message}", checksum, sequence, reader.Values);
        }
    }

    private static Sip2FieldList ReadFields(string text, int start, char delimiter, Func<string, string> normalise)
    {
        var fields = new List<Sip2Field>();
        var position = start;
        while (position < text.Length)
        {
            if (position + 2 > text.Length)
            {
                throw new Sip2FormatException(position, $"expected a two-character field identifier, found '{Printable(text[position..])}' at the end");
            }

            var id = text.Substring(position, 2);
            if (!char.IsAsciiLetterOrDigit(id[0]) || !char.IsAsciiLetterOrDigit(id[1]))
            {
                throw new Sip2FormatException(position, $"expected a field identifier of two letters or digits, found '{Printable(id)}'");
            }

            var end = text.IndexOf(delimiter, position + 2);

            // Some ILSs leave out the last delimiter; take the rest of the message as the value.
            end = end < 0 ? text.Length : end;
            var value = text[(position + 2)..end];
            var control = value.AsSpan().IndexOfAnyInRange('\0', '\u001f');
            if (control >= 0)
            {
                throw new Sip2FormatException(
                    position + 2 + control,
                    $"field {id}: expected printable characters, found control character 0x{(int)value[control]:X2}");
            }

            fields.Add(new Sip2Field(id, normalise(value)));
            position = end + 1;
        }

        return Sip2FieldList.FromTrusted(fields);
    }

    private static Sip2DecodeResult Failed(
        byte[] frame,
        int position,
        string reason,
        Sip2ChecksumStatus checksum = Sip2ChecksumStatus.Absent,
        int? sequence = null,
        IReadOnlyList<Sip2FixedFieldValue>? fixedFields = null) => new()
        {
            Error = new Sip2DecodeError(position, reason),
            Checksum = checksum,
            SequenceNumber = sequence,
            FixedFields = fixedFields ?? [],
            Frame = frame,
        };

    /// <summary>The character position of byte <paramref name="byteIndex"/>, so every error counts in characters.</summary>
    private static int CharPosition(Sip2CodecOptions options, ReadOnlySpan<byte> frame, int byteIndex) =>
        options.Encoding.GetCharCount(frame[..byteIndex]);

    private static string Ascii(ReadOnlySpan<byte> bytes) => Printable(System.Text.Encoding.Latin1.GetString(bytes));

    private static string Printable(string text) => string.Concat(text.Select(c => c < ' ' || c == '\u007f'
        ? $"\\x{((int)c).ToString("X2", CultureInfo.InvariantCulture)}"
        : c.ToString()));
}
