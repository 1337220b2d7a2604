namespace KioskController.Api.Staff;

/// <summary>Log messages of the staff screen. Never a code, a card number or a patron's name.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "A wrong staff access code was entered ({Count} of {Max} in a row, {Total} since start)")]
    public static partial void WrongStaffCode(ILogger logger, int count, int max, int total);

    [LoggerMessage(2, LogLevel.Warning, "{Max} wrong staff access codes in a row; codes are refused for {Duration} (lockout {Lockout} since the last right code, {Total} wrong codes and {Lockouts} lockouts since start)")]
    public static partial void StaffLockedOut(ILogger logger, int max, TimeSpan duration, int lockout, int total, int lockouts);

    [LoggerMessage(5, LogLevel.Error, "The staff lockout event was not recorded in the outbox: {Message}")]
    public static partial void LockoutEventNotRecorded(ILogger logger, string message);

    [LoggerMessage(3, LogLevel.Debug, "Title of item {ItemId} not found for the staff list: {Reason}")]
    public static partial void TitleNotFound(ILogger logger, string itemId, string reason);

    [LoggerMessage(4, LogLevel.Warning, "Simulated run: the staff screen (/staff) takes the published default access code " + StaffOptions.SimulatorDefaultAccessCode + "; set Kiosk:Staff:AccessCode to change it")]
    public static partial void SimulatorDefaultCode(ILogger logger);
}
