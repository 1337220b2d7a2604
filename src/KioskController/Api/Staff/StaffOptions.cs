namespace KioskController.Api.Staff;

/// <summary>The staff screen (<c>/staff</c>), bound from <c>Kiosk:Staff</c>.</summary>
public sealed class StaffOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Kiosk:Staff";

    /// <summary>The code simulated runs use when none is configured, printed at start and in README.md; refused on a real kiosk.</summary>
    public const string SimulatorDefaultAccessCode = "0000";

    /// <summary>
    /// The digits staff type on the staff screen before it shows the list and lets them mark entries dealt with: a patron
    /// at the touch screen must not reach it by accident. 4 to 12 digits, so it can be typed on the screen's keypad.
    /// </summary>
    public string AccessCode { get; set; } = string.Empty;

    /// <summary>Wrong codes in a row before the staff screen stops accepting codes for <see cref="LockoutDuration"/>.</summary>
    public int MaxWrongCodes { get; set; } = 5;

    /// <summary>How long codes are refused after the first <see cref="MaxWrongCodes"/> wrong ones; each further lockout doubles it.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest a lockout grows to. 60 s doubling reaches 1 h at the seventh lockout, so 4 digits take years.</summary>
    public TimeSpan MaxLockoutDuration { get; set; } = TimeSpan.FromHours(1);
}
