using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace KioskController.Api.Staff;

/// <summary>
/// Checks <see cref="StaffOptions"/> at start, each failure naming the key and the fix. The simulator default code is
/// accepted only in a simulated run: on a real kiosk it would be the code every reader of README.md knows.
/// </summary>
internal sealed partial class StaffOptionsValidator(bool simulated) : IValidateOptions<StaffOptions>
{
    public ValidateOptionsResult Validate(string? name, StaffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.AccessCode))
        {
            failures.Add("Kiosk:Staff:AccessCode is not set. Staff type it on the staff screen (/staff) to see and clear the staff list; "
                + "set 4 to 12 digits that only staff know, e.g. the environment variable Kiosk__Staff__AccessCode=…, never in appsettings.json.");
        }
        else if (!Digits().IsMatch(options.AccessCode))
        {
            failures.Add("Kiosk:Staff:AccessCode must be 4 to 12 digits (0-9), so staff can type it on the staff screen's keypad.");
        }
        else if (!simulated && options.AccessCode == StaffOptions.SimulatorDefaultAccessCode)
        {
            failures.Add($"Kiosk:Staff:AccessCode is {StaffOptions.SimulatorDefaultAccessCode}, the simulated run's published default; choose another code for a real kiosk.");
        }

        if (options.MaxWrongCodes is < 1 or > 100)
        {
            failures.Add("Kiosk:Staff:MaxWrongCodes must be between 1 and 100.");
        }

        if (options.LockoutDuration < TimeSpan.Zero || options.LockoutDuration > TimeSpan.FromHours(1))
        {
            failures.Add("Kiosk:Staff:LockoutDuration must be between 00:00:00 and 01:00:00.");
        }

        if (options.MaxLockoutDuration < options.LockoutDuration || options.MaxLockoutDuration > TimeSpan.FromDays(1))
        {
            failures.Add("Kiosk:Staff:MaxLockoutDuration must be at least Kiosk:Staff:LockoutDuration and at most 1.00:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[0-9]{4,12}$", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();
}
