using System.ComponentModel.DataAnnotations;

namespace Kiosk.Devices.Gates;

/// <summary>
/// An exit gate's settings, bound from <c>Kiosk:Gate</c> and checked at start. Times are site policy, not hardware
/// facts: the defaults are starting points to tune on site.
/// </summary>
public sealed class GateOptions
{
    /// <summary>The configuration section <c>services.AddGate()</c> binds.</summary>
    public const string SectionName = "Kiosk:Gate";

    /// <summary>The gate's pin map (firmware-config/gates format).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Kiosk:Gate:PinMap is empty; point it at the gate's pin map, such as firmware-config/gates/gate-main-rpi.json.")]
    public string PinMap { get; set; } = string.Empty;

    /// <summary>The gate reader's profile (firmware-config/readers format, usually with pollSecuredOnly).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Kiosk:Gate:ReaderProfile is empty; point it at the gate reader's profile, such as firmware-config/readers/gate-feig.json.")]
    public string ReaderProfile { get; set; } = string.Empty;

    /// <summary>Where the people counts are kept across restarts (a small JSON file, replaced atomically).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Kiosk:Gate:CountFile is empty; give a writable path such as /var/lib/kiosk/gate-counts.json.")]
    public string CountFile { get; set; } = string.Empty;

    /// <summary>How long the light and buzzer stay on after the last detection; each detection restarts it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan AlarmDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a beam's level must hold before it counts. IR receivers chatter for a few milliseconds as an edge of a
    /// coat or a swinging bag crosses them; a walker blocks a beam for 100 ms or more (0.15 m of body at 1.5 m/s).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:01")]
    public TimeSpan BeamDebounce { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>A beam blocked longer than this is reported as stuck (a bag left in the aisle, a knocked reflector).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan StuckBeamTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest a passage may take between its first beam clearing and its second beam breaking.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan PassageTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long after an alarm its <see cref="GateAlarmItemRead"/> may wait for the direction of the walker's passage
    /// (the outputs never wait). The antennas usually see a tag before its walker breaks a beam, and the direction is
    /// known when the second beam clears: from the tag (mid-body) entering the field to the body clearing the second
    /// beam a walker covers half the field's depth, half the beam spacing and half their body depth — 0.6 m in the
    /// simulated gate (0.35 + 0.1 + 0.15 m), up to about 1 m where the field reaches further out. At a slow
    /// 0.5 m/s (a pushchair, a trolley, an elderly reader) that is 2 s; at a usual 1.4 m/s, 0.4–0.7 s. Past the wait the
    /// event goes out with Direction Unknown. Zero publishes with the direction known when the tag was read.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan AlarmDirectionWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the counts are published, whether or not they changed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CountPublishPeriod { get; set; } = TimeSpan.FromMinutes(5);
}
