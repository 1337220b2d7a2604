using System.Globalization;
using System.Text;

namespace Kiosk.Protocols.Sip2;

/// <summary>Writes the fixed-length fields of a message, checking each against its width.</summary>
internal sealed class Sip2FixedFieldWriter(StringBuilder output)
{
    public void YesNo(bool value) => output.Append(value ? 'Y' : 'N');

    public void Indicator(Sip2Indicator value) => output.Append(value switch
    {
        Sip2Indicator.Yes => 'Y',
        Sip2Indicator.No => 'N',
        _ => 'U',
    });

    public void ZeroOne(bool value) => output.Append(value ? '1' : '0');

    public void Character(char value) => output.Append(value);

    public void Character(string value)
    {
        // A CR or LF here would end the frame early on the wire, and whatever followed would be read as a new message.
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new Sip2EncodingException("A SIP2 message body holds a CR or LF, which would end the message early; remove it.");
        }

        output.Append(value);
    }

    public void Timestamp(Sip2Timestamp value) => output.Append(value.Text);

    public void Count(int? value, int width, string name)
    {
        if (value is null)
        {
            output.Append(' ', width);
            return;
        }

        Number(value.Value, width, name);
    }

    public void Number(int value, int width, string name)
    {
        var text = value.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
        if (value < 0 || text.Length != width)
        {
            throw new Sip2EncodingException($"SIP2 field '{name}' holds {value}, which does not fit in {width} digits.");
        }

        output.Append(text);
    }

    /// <summary>Three digits, or three blanks for a language that was not given.</summary>
    public void Language(Sip2Language? value)
    {
        if (value is null)
        {
            output.Append(' ', 3);
            return;
        }

        Number((int)value.Value, 3, "language");
    }

    public void Text(string value, int width, string name)
    {
        if (value.Length != width)
        {
            throw new Sip2EncodingException($"SIP2 field '{name}' must be exactly {width} characters, got '{value}'.");
        }

        output.Append(value);
    }

    public void Positions(int bits, int width) => output.Append(Sip2Positions.Format(bits, width, ' '));
}
