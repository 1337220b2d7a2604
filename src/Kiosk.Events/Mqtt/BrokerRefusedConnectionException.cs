namespace Kiosk.Events.Mqtt;

/// <summary>The broker answered CONNECT with a failure reason code (MQTT 5 §3.2.2.2, MQTT 3.1.1 §3.2.2.3).</summary>
public sealed class BrokerRefusedConnectionException : Exception
{
    public BrokerRefusedConnectionException()
    {
    }

    public BrokerRefusedConnectionException(string message)
        : base(message)
    {
    }

    public BrokerRefusedConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
