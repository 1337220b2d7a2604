namespace Kiosk.Events.Mqtt;

/// <summary>The broker answered a QoS 1 publish with a failure reason (MQTT 5 §3.4.2.1); the event stays in the outbox.</summary>
public sealed class PublishRefusedException : Exception
{
    public PublishRefusedException()
    {
    }

    public PublishRefusedException(string message)
        : base(message)
    {
    }

    public PublishRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
