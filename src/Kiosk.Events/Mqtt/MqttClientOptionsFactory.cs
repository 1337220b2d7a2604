using System.Security.Cryptography.X509Certificates;
using System.Text;
using Kiosk.Events.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Kiosk.Events.Mqtt;

/// <summary>Builds the MQTTnet client options: protocol version, TLS, login and the last will on the status topic.</summary>
internal static class MqttClientOptionsFactory
{
    /// <summary>The retained payload of the status topic while the kiosk is connected.</summary>
    public const string Online = "online";

    /// <summary>The retained payload the broker publishes as the kiosk's last will (MQTT 5 §3.1.2.5), or the kiosk on a clean stop.</summary>
    public const string Offline = "offline";

    public static MqttClientOptions Create(MqttConnectionOptions options, MqttCredentials credentials, TopicMap topics, string host, int port)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId(string.IsNullOrEmpty(options.ClientId) ? topics.Device : options.ClientId)
            .WithProtocolVersion(IsVersion311(options) ? MqttProtocolVersion.V311 : MqttProtocolVersion.V500)
            .WithKeepAlivePeriod(options.KeepAlive)
            .WithTimeout(options.Timeout)
            // A clean session: undelivered events live in the outbox, not in the broker's session state, and are resent
            // from there after every connect.
            .WithCleanSession(true)
            .WithWillTopic(topics.Status)
            .WithWillPayload(Encoding.UTF8.GetBytes(Offline))
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (credentials.Username is not null)
        {
            builder.WithCredentials(credentials.Username, credentials.Password);
        }

        if (options.UseTls)
        {
            builder.WithTlsOptions(tls => ConfigureTls(tls, options, host));
        }

        return builder.Build();
    }

    public static bool IsVersion311(MqttConnectionOptions options) => options.ProtocolVersion == "3.1.1";

    private static void ConfigureTls(MqttClientTlsOptionsBuilder tls, MqttConnectionOptions options, string host)
    {
        tls.UseTls(true).WithTargetHost(string.IsNullOrEmpty(options.TlsServerName) ? host : options.TlsServerName);
        if (!string.IsNullOrEmpty(options.TlsCaCertificatePath))
        {
            var trust = new X509Certificate2Collection();
            try
            {
                trust.ImportFromPemFile(options.TlsCaCertificatePath);
            }
            catch (Exception exception) when (exception is IOException or System.Security.Cryptography.CryptographicException)
            {
                throw new InvalidOperationException(
                    $"Kiosk:Events:Mqtt:TlsCaCertificatePath {options.TlsCaCertificatePath} is not a readable PEM certificate ({exception.Message}).", exception);
            }

            tls.WithTrustChain(trust);
        }

        if (!string.IsNullOrEmpty(options.TlsClientCertificatePath))
        {
            if (string.IsNullOrEmpty(options.TlsClientKeyPath))
            {
                throw new InvalidOperationException("Kiosk:Events:Mqtt:TlsClientCertificatePath is set without Kiosk:Events:Mqtt:TlsClientKeyPath; give the PEM key too.");
            }

            try
            {
                using var pem = X509Certificate2.CreateFromPemFile(options.TlsClientCertificatePath, options.TlsClientKeyPath);
                // Re-imported as PKCS#12 because SslStream on Linux needs a certificate whose key is not ephemeral.
                var certificate = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
                tls.WithClientCertificates(new X509Certificate2Collection(certificate));
            }
            catch (Exception exception) when (exception is IOException or System.Security.Cryptography.CryptographicException)
            {
                throw new InvalidOperationException(
                    $"Kiosk:Events:Mqtt:TlsClientCertificatePath/TlsClientKeyPath could not be loaded as a PEM certificate and key ({exception.Message}).", exception);
            }
        }
    }
}
