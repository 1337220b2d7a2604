namespace Kiosk.Events.Model;

/// <summary>Too many wrong staff access codes in a row: the kiosk's staff screen refuses every code until <paramref name="Until"/>.</summary>
/// <param name="Lockout">Which lockout this is since the last right code (1, 2, 3…); each lasts twice the one before.</param>
/// <param name="WrongCodes">Wrong codes since the kiosk started (never the codes themselves).</param>
/// <param name="Duration">How long codes are refused.</param>
/// <param name="Until">When codes are accepted again.</param>
public sealed record StaffLockedOutData(
    int Lockout,
    int WrongCodes,
    TimeSpan Duration,
    DateTimeOffset Until) : KioskEventData
{
    /// <inheritdoc/>
    public override string EventType => KioskEventTypes.StaffLockedOut;
}
