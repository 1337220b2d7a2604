namespace Kiosk.Protocols.Tags;

/// <summary>An item cannot be written in the chosen data model: a value is too long, out of range, or not in the model's character set.</summary>
public sealed class TagEncodingException : Exception
{
    public TagEncodingException()
    {
    }

    public TagEncodingException(string message)
        : base(message)
    {
    }

    public TagEncodingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
