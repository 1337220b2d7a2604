using System.ComponentModel.DataAnnotations;

namespace Kiosk.Circulation;

/// <summary>
/// The site's circulation policy at the kiosk. Bound from the configuration section <c>Kiosk:Circulation</c> and
/// validated at start; a bad value stops the kiosk with a message naming the key and the fix.
/// </summary>
public sealed class CirculationOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Kiosk:Circulation";

    /// <summary>The name (in its profile) of the reader under the pad.</summary>
    [Required(AllowEmptyStrings = false)]
    public string PadReader { get; set; } = "pad";

    /// <summary>When to ask for the PIN: Always (the site requires it), WhenIlsRequires, or Never.</summary>
    public PinRequirement PinRequirement { get; set; } = PinRequirement.WhenIlsRequires;

    /// <summary>
    /// How card numbers are written before they go to the ILS: Upper (the default, so "bd0001" typed on the screen is
    /// card BD0001), Lower, or AsPresented for an ILS whose card numbers differ by case.
    /// </summary>
    public CardNumberCase CardNumberCase { get; set; } = CardNumberCase.Upper;

    /// <summary>Wrong PINs allowed before the card must be presented again.</summary>
    [Range(1, 10)]
    public int MaxPinAttempts { get; set; } = 3;

    /// <summary>What to do with a multi-part item whose parts are not all on the pad: Refuse or Warn.</summary>
    public SetPolicy SetPolicy { get; set; } = SetPolicy.Refuse;

    /// <summary>How long a session may sit untouched before the screen warns that it will end.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan IdleWarningAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the warning shows before the session ends.</summary>
    [Range(typeof(TimeSpan), "00:00:03", "00:10:00")]
    public TimeSpan IdleGrace { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// UIDs (16 hex digits, as a reader reports them) of patron cards that carry no library data model, such as plain
    /// MIFARE-like cards issued by the city. The card number is then the UID itself.
    /// </summary>
    public IList<string> PatronCardUids { get; } = [];

    /// <summary>
    /// How many times a security switch that did not verify is tried again (each try is itself the reader profile's
    /// write-and-verify attempts) before the item is reported for staff.
    /// </summary>
    [Range(0, 5)]
    public int SecuritySwitchRetries { get; set; } = 1;

    /// <summary>
    /// Whether patrons may borrow while the ILS is unreachable. Such a loan switches the security off before the ILS
    /// knows of it: a deliberate exception, by site policy, to "security off only if the ILS holds it on loan".
    /// </summary>
    public bool OfflineLoansAllowed { get; set; }

    /// <summary>The most items one patron may borrow in one off-line session.</summary>
    [Range(1, 50)]
    public int OfflineMaxItems { get; set; } = 3;

    /// <summary>
    /// While the ILS is unreachable (or a replay is unfinished), how often the kiosk asks whether it is back, so the
    /// screen stops saying "off-line" and the queue is replayed without waiting for a patron.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan OfflineProbeInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Regular expressions (anchored whole-match) for the card numbers accepted off-line, such as <c>BD\d{4}</c>.
    /// Required when <see cref="OfflineLoansAllowed"/> is on: an unknown card format is refused off-line.
    /// </summary>
    public IList<string> OfflineCardPatterns { get; } = [];
}
