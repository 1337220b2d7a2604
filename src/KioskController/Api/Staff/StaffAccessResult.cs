namespace KioskController.Api.Staff;

/// <summary>What <see cref="StaffAccess.Check"/> decided about a code.</summary>
internal enum StaffAccessResult
{
    /// <summary>The code is right.</summary>
    Granted,

    /// <summary>No code, or a wrong one.</summary>
    WrongCode,

    /// <summary>Too many wrong codes in a row: every code is refused for a while.</summary>
    LockedOut,
}
