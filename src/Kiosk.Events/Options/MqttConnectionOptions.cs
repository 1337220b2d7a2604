using System.ComponentModel.DataAnnotations;

namespace Kiosk.Events.Options;

/// <summary>The broker connection, <c>Kiosk:Events:Mqtt</c>. Secrets come from the environment or a file, never appsettings.json.</summary>
public sealed class MqttConnectionOptions
{
    /// <summary>The broker's host name or address. Ignored when the embedded broker runs: the kiosk then uses it.</summary>
    [Required(ErrorMessage = "Kiosk:Events:Mqtt:Host is required; set it to the province broker's host name.")]
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The broker's port (1883 plain, 8883 TLS by IANA convention).</summary>
    [Range(1, 65535, ErrorMessage = "Kiosk:Events:Mqtt:Port must be 1–65535; use 1883 for plain MQTT or 8883 for TLS.")]
    public int Port { get; set; } = 1883;

    /// <summary><c>5</c> (MQTT 5.0, the default) or <c>3.1.1</c>.</summary>
    [RegularExpression(@"^(5|5\.0|3\.1\.1)$", ErrorMessage = "Kiosk:Events:Mqtt:ProtocolVersion must be 5 or 3.1.1.")]
    public string ProtocolVersion { get; set; } = "5";

    /// <summary>The MQTT client id; empty means the device id from <c>Kiosk:Events:Topics:Device</c>.</summary>
    public string? ClientId { get; set; }

    /// <summary>The user name, when the broker asks for one.</summary>
    public string? Username { get; set; }

    /// <summary>The password; set it through the environment (<c>Kiosk__Events__Mqtt__Password</c>), never appsettings.json.</summary>
    public string? Password { get; set; }

    /// <summary>A file whose first line is the password (a systemd credential or a Docker secret).</summary>
    public string? PasswordFile { get; set; }

    /// <summary>Whether to connect with TLS.</summary>
    public bool UseTls { get; set; }

    /// <summary>A PEM file of the CA that signed the broker's certificate; empty trusts the system's store.</summary>
    public string? TlsCaCertificatePath { get; set; }

    /// <summary>A PEM client certificate, for brokers that identify devices by certificate.</summary>
    public string? TlsClientCertificatePath { get; set; }

    /// <summary>The PEM private key of <see cref="TlsClientCertificatePath"/>.</summary>
    public string? TlsClientKeyPath { get; set; }

    /// <summary>The name on the broker's certificate, when it differs from <see cref="Host"/>.</summary>
    public string? TlsServerName { get; set; }

    /// <summary>MQTT keep-alive (MQTT 5 §3.1.2.10): the broker drops the kiosk after 1.5 × this without a packet.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:30:00", ErrorMessage = "Kiosk:Events:Mqtt:KeepAlive must be between 5 s and 30 min.")]
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a connect or a publish may take before the link is considered lost.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Kiosk:Events:Mqtt:Timeout must be between 1 s and 5 min.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first reconnect delay; it doubles after each failure up to <see cref="ReconnectMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "Kiosk:Events:Mqtt:ReconnectMinDelay must be between 10 ms and 10 min.")]
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest reconnect delay, jitter included. It bounds how long events wait after the broker comes back: 4 s keeps
    /// that under 5 s, at one connection attempt per kiosk every 4 s while the broker is down.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Kiosk:Events:Mqtt:ReconnectMaxDelay must be between 10 ms and 1 h.")]
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>
    /// How long a connection must hold before losing it starts the delays again from <see cref="ReconnectMinDelay"/>;
    /// a broker that drops the kiosk sooner keeps the delay growing.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Kiosk:Events:Mqtt:ReconnectResetAfter must be between 0 and 1 h.")]
    public TimeSpan ReconnectResetAfter { get; set; } = TimeSpan.FromSeconds(30);
}
