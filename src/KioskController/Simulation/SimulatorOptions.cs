using System.ComponentModel.DataAnnotations;

namespace KioskController.Simulation;

/// <summary>
/// The in-process simulators, bound from <c>Kiosk:Simulators</c>. appsettings.json turns them on so <c>dotnet run</c>
/// gives a working kiosk with no hardware; production configuration turns them off. Each can be switched on its own
/// (<c>Kiosk:Simulators:Ils=false</c> tries the kiosk against the library's own ILS with simulated devices); a switch
/// left unset follows <see cref="Enabled"/>.
/// </summary>
public sealed class SimulatorOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Kiosk:Simulators";

    /// <summary>Whether to start the simulators and point the kiosk at them: the default of every switch below.</summary>
    public bool Enabled { get; set; }

    /// <summary>The SIP2 ILS; off, the kiosk uses <c>Kiosk:Sip2</c>.</summary>
    public bool? Ils { get; set; }

    /// <summary>The pad's RFID reader; off, the kiosk uses the profiles in <c>Kiosk:Rfid:ProfileDirectory</c>.</summary>
    public bool? Pad { get; set; }

    /// <summary>The barcode scanner; off, the kiosk uses <c>Kiosk:Scanner:Port</c>.</summary>
    public bool? Scanner { get; set; }

    /// <summary>The receipt printer; off, the kiosk uses <c>Kiosk:Printer:Profile</c>.</summary>
    public bool? Printer { get; set; }

    /// <summary>The exit gate; off, the kiosk uses <c>Kiosk:Gate:PinMap</c>.</summary>
    public bool? Gate { get; set; }

    /// <summary>The embedded MQTT broker on loopback; off, events go to <c>Kiosk:Events:Mqtt</c>.</summary>
    public bool? Broker { get; set; }

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
