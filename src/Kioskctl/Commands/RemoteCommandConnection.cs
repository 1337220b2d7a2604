namespace Kioskctl.Commands;

/// <summary>How kioskctl reaches the broker: login, TLS and protocol version. The password never leaves this object.</summary>
internal sealed record RemoteCommandConnection(
    string? Username,
    string? Password,
    bool UseTls,
    string? TlsCaPath,
    string? TlsServerName,
    bool Version311,
    TimeSpan Timeout)
{
    /// <summary>Everything but the password, for messages.</summary>
    public override string ToString() => $"{(Version311 ? "MQTT 3.1.1" : "MQTT 5")}{(UseTls ? " over TLS" : string.Empty)}{(Username is null ? string.Empty : $" as '{Username}'")}";
}
