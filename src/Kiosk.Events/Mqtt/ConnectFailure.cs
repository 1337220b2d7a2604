using System.Security.Authentication;
using MQTTnet.Adapter;
using MQTTnet.Exceptions;
using MQTTnet;

namespace Kiosk.Events.Mqtt;

/// <summary>Turns a failed connect into a sentence that says what went wrong and which key to check. Never includes the password.</summary>
internal static class ConnectFailure
{
    public static string Describe(Exception exception, string endpoint, bool useTls)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case MqttConnectingFailedException or BrokerRefusedConnectionException:
                    // MQTTnet 5 puts the CONNACK reason code in the message only; the kiosk's own exception carries it too.
                    var text = current.Message;
                    if (!useTls && text.Contains("Connection closed", StringComparison.Ordinal))
                    {
                        // A TLS listener drops a plain CONNECT without a CONNACK (it reads it as a bad handshake).
                        return $"MQTT broker {endpoint} closed the connection without answering CONNECT; if that port expects TLS, set Kiosk:Events:Mqtt:UseTls=true (and TlsCaCertificatePath).";
                    }

                    var hint = text.Contains(nameof(MqttClientConnectResultCode.BadUserNameOrPassword), StringComparison.Ordinal)
                        || text.Contains(nameof(MqttClientConnectResultCode.NotAuthorized), StringComparison.Ordinal)
                        ? "check Kiosk:Events:Mqtt:Username and the password (Kiosk__Events__Mqtt__Password or Kiosk:Events:Mqtt:PasswordFile)"
                        : text.Contains(nameof(MqttClientConnectResultCode.UnsupportedProtocolVersion), StringComparison.Ordinal)
                            ? "set Kiosk:Events:Mqtt:ProtocolVersion to 3.1.1 for this broker"
                            : "see the broker's log";
                    return $"MQTT broker {endpoint} refused the connection ({text}); {hint}.";
                case AuthenticationException tls:
                    return $"TLS handshake with {endpoint} failed ({tls.Message}); check Kiosk:Events:Mqtt:TlsCaCertificatePath, TlsServerName and the client certificate.";
            }
        }

        if (!useTls && exception is MqttCommunicationException or TimeoutException or OperationCanceledException)
        {
            return $"MQTT broker {endpoint} did not answer the connect ({exception.Message}); if that port expects TLS, set Kiosk:Events:Mqtt:UseTls=true.";
        }

        return $"Could not connect to MQTT broker {endpoint}: {exception.Message}; check Kiosk:Events:Mqtt:Host and Port and that the broker runs.";
    }
}
