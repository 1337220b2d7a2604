namespace Kiosk.Protocols.Sip2;

/// <summary>A message cannot be written as SIP2: a value holds the delimiter or CR, is too long, or does not fit the charset.</summary>
public sealed class Sip2EncodingException : Exception
{
    public Sip2EncodingException()
    {
    }

    public Sip2EncodingException(string message)
        : base(message)
    {
    }

    public Sip2EncodingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
