using System.ComponentModel.DataAnnotations;

namespace Kiosk.Ils;

/// <summary>
/// Where the ILS is and how to talk to it. Bound from the configuration section <c>Kiosk:Sip2</c>. Secrets
/// (<see cref="Password"/>, <see cref="TerminalPassword"/>) belong in the environment or a secrets file, never in
/// appsettings.json, and are never logged.
/// </summary>
public sealed class Sip2ClientOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Kiosk:Sip2";

    /// <summary>The ILS's SIP2 host name or address.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The ILS's SIP2 port (Koha's default is 6001).</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 6001;

    /// <summary>Whether to wrap the connection in TLS.</summary>
    public bool UseTls { get; set; }

    /// <summary>The name the server's certificate must carry; defaults to <see cref="Host"/>.</summary>
    public string? TlsServerName { get; set; }

    /// <summary>A PEM or DER file holding the CA that signed the ILS's certificate, when it is not in the system store.</summary>
    public string? TlsCaCertificatePath { get; set; }

    /// <summary>The dialect profile: a built-in one (generic, koha, evergreen, folio) or one named in <see cref="Profiles"/>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Profile { get; set; } = "generic";

    /// <summary>Overrides the profile's charset (utf-8, iso-8859-1, ibm850, windows-1258).</summary>
    public string? Charset { get; set; }

    /// <summary>Overrides the profile's terminator: "CR" or "CRLF".</summary>
    public string? Terminator { get; set; }

    /// <summary>Overrides the profile's error detection (AY/AZ).</summary>
    public bool? ErrorDetection { get; set; }

    /// <summary>The SIP login user id (CN). Empty skips Login (93) for ILSs that do not use it.</summary>
    public string UserId { get; set; } = string.Empty;

    /// <summary>The SIP login password (CO). Never logged.</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>The kiosk's location code (CP), also sent as current location (AP) on checkin.</summary>
    public string LocationCode { get; set; } = string.Empty;

    /// <summary>The institution id (AO) the ILS expects.</summary>
    public string InstitutionId { get; set; } = string.Empty;

    /// <summary>The terminal password (AC). Never logged.</summary>
    public string TerminalPassword { get; set; } = string.Empty;

    /// <summary>
    /// The most connections open at once, so several requests can be in flight (SIP2 allows one per connection). Ten
    /// lets a stack of ten books be checked out in one ILS round trip; the connections past <see cref="KeepOpen"/> open
    /// only when requests need them and close again after <see cref="IdleCloseAfter"/>.
    /// </summary>
    [Range(1, 16)]
    public int PoolSize { get; set; } = 10;

    /// <summary>
    /// How many connections stay open and send heartbeats while the kiosk is idle (at most <see cref="PoolSize"/>): the
    /// first request of a patron finds one ready, and a dead link shows within a heartbeat. Each open connection costs
    /// the ILS a SIP server process or thread, so a fleet keeps this small.
    /// </summary>
    [Range(1, 16)]
    public int KeepOpen { get; set; } = 2;

    /// <summary>
    /// How long a pool that shrank waits before the upkeep tries, in the background, to log one more connection in. A
    /// pool shrinks when a connection cannot log in (no answer, a refusal, a drop) while another of its connections
    /// works: the ILS allows fewer sessions than <see cref="PoolSize"/>, and the kiosk goes on with the ones it has
    /// instead of going off-line. A limit like that rarely changes, so the retry is rare; a patron's request never
    /// waits on it. A pool that loses every connection (an outage) starts again at <see cref="PoolSize"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan PoolGrowRetryInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a connection past <see cref="KeepOpen"/> may stay idle before it is closed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan IdleCloseAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long to wait for the TCP (and TLS) connection.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait for an answer; a shorter timeout period in the ACS's 98 wins.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times to retransmit or ask for a resend when the ACS does not say (its 98 retries win, capped here).</summary>
    [Range(0, 9)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>How often an idle connection sends SC Status (99) to prove it is alive.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The first wait before reconnecting after a failure; it doubles up to <see cref="ReconnectMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between reconnect attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Profiles a site or province defines in configuration (<c>Kiosk:Sip2:Profiles:koha-hanoi:Base=koha</c>, …), each
    /// starting from a built-in profile and setting what differs.
    /// </summary>
    public Dictionary<string, Sip2ProfileOptions> Profiles { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A copy, so the effective values of a profile never change the caller's options.</summary>
    internal Sip2ClientOptions Copy()
    {
        var copy = (Sip2ClientOptions)MemberwiseClone();
        copy.Profiles = new Dictionary<string, Sip2ProfileOptions>(Profiles, StringComparer.OrdinalIgnoreCase);
        return copy;
    }

    /// <summary>The widest line the kiosk's receipt printer prints, sent in SC Status.</summary>
    [Range(0, 999)]
    public int MaxPrintWidth { get; set; } = 48;
}
