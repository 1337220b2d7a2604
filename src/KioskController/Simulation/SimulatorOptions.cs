using System.ComponentModel.DataAnnotations;

namespace KioskController.Simulation;

/// <summary>
/// The in-process simulators of the default run, bound from <c>Kiosk:Simulators</c>. appsettings.json turns them on so
/// <c>dotnet run</c> gives a working kiosk with no hardware; production configuration turns them off.
/// </summary>
public sealed class SimulatorOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Kiosk:Simulators";

    /// <summary>Whether to start the simulators and point the kiosk at them.</summary>
    public bool Enabled { get; set; }

    /// <summary>The loopback port of the embedded SIP2 ILS simulator; 0 picks a free one.</summary>
    [Range(0, 65535)]
    public int IlsPort { get; set; } = 6001;

    /// <summary>The embedded ILS simulator's charset.</summary>
    public string IlsCharset { get; set; } = "utf-8";

    /// <summary>
    /// Whether the embedded ILS serves one session per SIP login, leaving a second concurrent login unanswered, as
    /// Evergreen's SIPServer was seen to: the kiosk's pool shrinks to one connection and says so in /api/status.
    /// </summary>
    public bool IlsOneSessionPerLogin { get; set; }
}
