namespace Kiosk.Circulation.Sessions;

/// <summary>One loan on the patron's account.</summary>
/// <param name="ItemId">The item.</param>
/// <param name="Title">Its title, when the ILS gave it.</param>
/// <param name="DueDate">When it is due, when the ILS gave a date the kiosk can read.</param>
/// <param name="Overdue">Whether it is past due (the ILS's overdue list, or the due date before now).</param>
public sealed record AccountLoan(string ItemId, string? Title, DateTimeOffset? DueDate, bool Overdue)
{
    /// <summary>The day it is due, in the library's time zone: the one date the patron is shown.</summary>
    public DateOnly? DueDay { get; init; }
}
