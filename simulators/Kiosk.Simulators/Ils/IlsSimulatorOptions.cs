using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography.X509Certificates;
using Kiosk.Protocols.Sip2;

namespace Kiosk.Simulators.Ils;

/// <summary>How the ILS simulator listens and which SIP2 dialect it speaks. Validated when the simulator is built.</summary>
public sealed class IlsSimulatorOptions
{
    /// <summary>The address to listen on. Loopback by default: the simulator is for tests and a kiosk on the same machine.</summary>
    [Required]
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The TCP port; 0 takes any free port (read it back from <see cref="IlsSimulator.Port"/>).</summary>
    [Range(0, 65535)]
    public int Port { get; set; }

    /// <summary>The wire charset: utf-8 (default), windows-1258, ibm850, iso-8859-1 or us-ascii (see <see cref="Sip2Charset"/>).</summary>
    [Required]
    public string Charset { get; set; } = "utf-8";

    /// <summary>What ends each response: CR as the spec says, or CR LF as some ILSs send.</summary>
    public Sip2Terminator Terminator { get; set; } = Sip2Terminator.CarriageReturn;

    /// <summary>Whether responses carry AY sequence numbers and AZ checksums (spec, "Checksums and Sequence Numbers").</summary>
    public bool ErrorDetection { get; set; } = true;

    /// <summary>The institution id (AO) the ACS answers with.</summary>
    [Required]
    public string InstitutionId { get; set; } = "VN-HN-TVHN";

    /// <summary>The library name (AM) in ACS Status.</summary>
    [Required]
    public string LibraryName { get; set; } = "Thư viện Hà Nội";

    /// <summary>The terminal location (AN) in ACS Status.</summary>
    public string? TerminalLocation { get; set; } = "Quầy tự phục vụ - Tầng 1";

    /// <summary>
    /// Whether the SC must log in (93) before anything else. Until it has, every other request is answered with a
    /// Login Response (94) whose ok is 0 and is not acted on; a resend request (97) is still answered.
    /// </summary>
    public bool LoginRequired { get; set; } = true;

    /// <summary>The login user id (CN) the simulator accepts.</summary>
    [Required]
    public string LoginUserId { get; set; } = "kiosk";

    /// <summary>The login password (CO) the simulator accepts. Never logged.</summary>
    [Required]
    public string LoginPassword { get; set; } = "kiosk-password";

    /// <summary>When set, connections are TLS (the simulator is the SslStream server) with this certificate and its private key.</summary>
    public X509Certificate2? Certificate { get; set; }

    /// <summary>The transaction timeout advertised in ACS Status (98), sent in tenths of a second; at most 99.8 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:01:39.8")]
    public TimeSpan AdvertisedTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The retries advertised in ACS Status (98); 999 would mean unknown.</summary>
    [Range(0, 998)]
    public int AdvertisedRetries { get; set; } = 3;

    /// <summary>Whether to seed the library with <see cref="IlsSampleData"/>.</summary>
    public bool SeedSampleData { get; set; } = true;
}
