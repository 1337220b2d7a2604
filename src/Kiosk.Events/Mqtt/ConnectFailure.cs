using System.Net.Sockets;
using System.Security.Authentication;
using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Exceptions;

namespace Kiosk.Events.Mqtt;

/// <summary>Turns a failed connect into a sentence that says what went wrong and which key to check. Never includes the password.</summary>
internal static class ConnectFailure
{
    public static string Describe(Exception exception, string endpoint, bool useTls)
    {
        var chain = new List<Exception>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            chain.Add(current);
        }

        // MQTTnet 5 puts the CONNACK reason code in the message only; the kiosk's own exception carries it too.
        var refusal = chain.FirstOrDefault(item => item is MqttConnectingFailedException or BrokerRefusedConnectionException
            && Enum.GetNames<MqttClientConnectResultCode>().Any(name => name != nameof(MqttClientConnectResultCode.Success) && item.Message.Contains(name, StringComparison.Ordinal)));
        if (refusal is not null)
        {
            var text = refusal.Message;
            var hint = text.Contains(nameof(MqttClientConnectResultCode.BadUserNameOrPassword), StringComparison.Ordinal)
                || text.Contains(nameof(MqttClientConnectResultCode.NotAuthorized), StringComparison.Ordinal)
                ? "check Kiosk:Events:Mqtt:Username and the password (Kiosk__Events__Mqtt__Password or Kiosk:Events:Mqtt:PasswordFile)"
                : text.Contains(nameof(MqttClientConnectResultCode.UnsupportedProtocolVersion), StringComparison.Ordinal)
                    ? "set Kiosk:Events:Mqtt:ProtocolVersion to 3.1.1 for this broker"
                    : "see the broker's log";
            return $"MQTT broker {endpoint} refused the connection ({text}); {hint}.";
        }

        if (chain.OfType<AuthenticationException>().FirstOrDefault() is { } tls)
        {
            return $"TLS handshake with {endpoint} failed ({tls.Message}); check Kiosk:Events:Mqtt:TlsCaCertificatePath, TlsServerName and the client certificate.";
        }

        // Refused, unknown or unreachable: nothing answered. A reset or a closed socket is different: something answered
        // and hung up, which is what a broker does to a TLS client it will not accept, so those fall through to the TLS hints.
        if (chain.OfType<SocketException>().FirstOrDefault(item => item.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound
            or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.TimedOut or SocketError.TryAgain or SocketError.NoData
            or SocketError.AddressNotAvailable) is { } socket)
        {
            return $"MQTT broker {endpoint} could not be reached ({socket.Message}); check Kiosk:Events:Mqtt:Host and Port and that the broker runs.";
        }

        if (useTls)
        {
            // The TLS session ended before any CONNACK: mosquitto does this to a client without the certificate it requires.
            return $"MQTT broker {endpoint} ended the TLS session during CONNECT ({exception.Message}); check Kiosk:Events:Mqtt:TlsCaCertificatePath and TlsServerName, " +
                "and if the broker requires a device certificate, Kiosk:Events:Mqtt:TlsClientCertificatePath and TlsClientKeyPath.";
        }

        if (exception is MqttConnectingFailedException or MqttCommunicationException or TimeoutException or OperationCanceledException)
        {
            // A TLS listener drops a plain CONNECT without a CONNACK (it reads it as a bad handshake).
            return $"MQTT broker {endpoint} closed the connection or did not answer CONNECT ({exception.Message}); if that port expects TLS, set Kiosk:Events:Mqtt:UseTls=true (and TlsCaCertificatePath), " +
                "otherwise check Kiosk:Events:Mqtt:Host and Port.";
        }

        return $"Could not connect to MQTT broker {endpoint}: {exception.Message}; check Kiosk:Events:Mqtt:Host and Port and that the broker runs.";
    }
}
