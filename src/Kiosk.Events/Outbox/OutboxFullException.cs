namespace Kiosk.Events.Outbox;

/// <summary>The outbox is at its bound with only transactions left, so a new transaction cannot be recorded.</summary>
public sealed class OutboxFullException : Exception
{
    public OutboxFullException()
    {
    }

    public OutboxFullException(string message)
        : base(message)
    {
    }

    public OutboxFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
