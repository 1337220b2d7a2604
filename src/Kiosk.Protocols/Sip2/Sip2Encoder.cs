using System.Text;

namespace Kiosk.Protocols.Sip2;

/// <summary>
/// Writes messages as bytes on the wire: command, fixed fields, identified fields each ended by the delimiter, then,
/// with error detection on, <c>AY</c>n<c>AZ</c>hhhh, then the terminator.
/// </summary>
public sealed class Sip2Encoder(Sip2CodecOptions options)
{
    /// <summary>The longest value of one field (spec, "Variable-length fields": 0 to 255 characters).</summary>
    public const int MaxFieldLength = 255;

    /// <summary>An encoder with <see cref="Sip2CodecOptions.Default"/>.</summary>
    public Sip2Encoder()
        : this(Sip2CodecOptions.Default)
    {
    }

    /// <summary>The options this encoder writes with.</summary>
    public Sip2CodecOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    private readonly bool _windows1258 = Windows1258Text.AppliesTo(options.Encoding);

    /// <summary>
    /// Encodes <paramref name="message"/>. With error detection on, <paramref name="sequenceNumber"/> (0–9) goes in AY;
    /// resend requests (96, 97) carry a checksum but no sequence number, as the spec says.
    /// </summary>
    /// <exception cref="Sip2EncodingException">A value holds the delimiter or a control character, is too long, or does not fit the charset.</exception>
    public byte[] Encode(Sip2Message message, int sequenceNumber = 0)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfNegative(sequenceNumber);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequenceNumber, 9);

        var text = new StringBuilder(128);
        text.Append(message.Command);
        message.WriteFixedFields(new Sip2FixedFieldWriter(text));
        foreach (var field in message.Fields)
        {
            Check(message, field);
            text.Append(field.Id).Append(field.Value).Append(Options.FieldDelimiter);
        }

        var resend = message.Command is Sip2Command.RequestAcsResend or Sip2Command.RequestScResend;
        if (Options.ErrorDetection)
        {
            if (!resend)
            {
                text.Append("AY").Append((char)('0' + sequenceNumber));
            }

            text.Append("AZ");
        }

        var wire = text.ToString();
        if (wire.AsSpan(message.Command.Length).IndexOfAny('\r', '\n') >= 0)
        {
            throw new Sip2EncodingException(
                $"{message.Name} ({message.Command}) holds a CR or LF in a fixed field; SIP2 ends a message at CR (spec, \"Message Terminator\").");
        }

        // Windows-1258 has no bytes for precomposed toned letters such as "ấ": write base letter plus combining tone mark.
        if (_windows1258)
        {
            wire = Windows1258Text.ToWireForm(wire);
        }

        byte[] body;
        try
        {
            body = Options.Encoding.GetBytes(wire);
        }
        catch (EncoderFallbackException ex)
        {
            throw new Sip2EncodingException(DescribeUnencodable(message, ex), ex);
        }

        var terminator = Options.Terminator == Sip2Terminator.CarriageReturnLineFeed ? 2 : 1;
        var checksumLength = Options.ErrorDetection ? 4 : 0;
        var frame = new byte[body.Length + checksumLength + terminator];
        body.CopyTo(frame, 0);
        if (Options.ErrorDetection)
        {
            Sip2Checksum.Format(Sip2Checksum.Compute(body), frame.AsSpan(body.Length, 4));
        }

        frame[body.Length + checksumLength] = (byte)'\r';
        if (terminator == 2)
        {
            frame[^1] = (byte)'\n';
        }

        return frame;
    }

    private void Check(Sip2Message message, Sip2Field field)
    {
        var value = field.Value;

        // The limit is on characters as they go on the wire: in windows-1258 a tone mark is a character of its own.
        var length = _windows1258 ? Windows1258Text.ToWireForm(value).Length : value.Length;
        if (length > MaxFieldLength)
        {
            throw new Sip2EncodingException(
                $"{message.Name} ({message.Command}) field {field.Id} is {length} characters on the wire; SIP2 allows at most {MaxFieldLength} (spec, \"Variable-length fields\").");
        }

        if (value.Contains(Options.FieldDelimiter, StringComparison.Ordinal))
        {
            throw new Sip2EncodingException(
                $"{message.Name} ({message.Command}) field {field.Id} contains the field delimiter '{Options.FieldDelimiter}'; remove it or configure another delimiter.");
        }

        if (value.AsSpan().IndexOfAnyInRange('\0', '\u001f') >= 0)
        {
            throw new Sip2EncodingException(
                $"{message.Name} ({message.Command}) field {field.Id} contains a control character; SIP2 fields carry printable text only.");
        }
    }

    /// <summary>
    /// Names the field whose text the charset cannot carry. The character itself is shown only for fields that are
    /// neither secret nor identify a patron, because this message may reach a log.
    /// </summary>
    private string DescribeUnencodable(Sip2Message message, EncoderFallbackException ex)
    {
        var charset = Options.Encoding.WebName;
        var advice = Options.Encoding.CodePage == 1258 ? "configure UTF-8" : "configure UTF-8 or Windows-1258 for Vietnamese text";
        foreach (var field in message.Fields)
        {
            try
            {
                _ = Sip2Charset.GetWireBytes(Options.Encoding, field.Value);
            }
            catch (EncoderFallbackException)
            {
                var shown = Sip2FieldId.IsSecret(field.Id) || Sip2FieldId.IsPatronIdentifying(field.Id)
                    ? string.Empty
                    : $" ('{ex.CharUnknown}{(ex.CharUnknownLow != '\0' ? ex.CharUnknownLow.ToString() : string.Empty)}')";
                return $"{message.Name} ({message.Command}) field {field.Id} holds a character{shown} that charset {charset} cannot carry; {advice}.";
            }
        }

        return $"{message.Name} ({message.Command}) holds a character that charset {charset} cannot carry; {advice}.";
    }
}
