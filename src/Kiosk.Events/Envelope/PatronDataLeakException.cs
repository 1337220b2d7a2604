namespace Kiosk.Events.Envelope;

/// <summary>An event would have carried patron data; it was not stored or sent.</summary>
public sealed class PatronDataLeakException : Exception
{
    public PatronDataLeakException()
    {
    }

    public PatronDataLeakException(string message)
        : base(message)
    {
    }

    public PatronDataLeakException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
