namespace Kiosk.Circulation.Availability;

/// <summary>Where a queued offline transaction stands.</summary>
public enum OfflineTransactionState
{
    /// <summary>Waiting to be replayed.</summary>
    Pending = 1,

    /// <summary>The ILS took it.</summary>
    Replayed = 2,

    /// <summary>It could not be replayed as it was, or was replayed with a problem; listed for staff.</summary>
    Conflict = 3,

    /// <summary>Withdrawn before replay: the loan never left the kiosk (recovery found the book on the pad and secured it).</summary>
    Cancelled = 4,

    /// <summary>A conflict that staff have dealt with; it leaves the staff list and its card number is forgotten.</summary>
    Resolved = 5,
}
