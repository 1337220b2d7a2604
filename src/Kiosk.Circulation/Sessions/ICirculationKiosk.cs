using Kiosk.Devices.Rfid;

namespace Kiosk.Circulation.Sessions;

/// <summary>
/// The self-service kiosk's circulation: what the touch UI and the host call. One instance serves one pad. Every
/// change is also raised as a <see cref="DomainEvents.CirculationEvent"/> to the registered sinks, so a UI can redraw
/// from events and read <see cref="Snapshot"/> when it (re)connects. No method takes or returns a patron's name, and
/// the card number passed in is never logged or put in an event.
/// </summary>
public interface ICirculationKiosk
{
    /// <summary>Everything the screen shows now.</summary>
    KioskSnapshot Snapshot { get; }

    /// <summary>
    /// At start, before the first patron: replays the security journal so every item a crash left mid-way agrees with
    /// the ILS, then replays the offline queue if the ILS is reachable. Returns how many journal entries were recovered.
    /// </summary>
    Task<int> RecoverAsync(CancellationToken cancellationToken = default);

    /// <summary>Feeds one event of the pad's reader (tag arrived or left); the host forwards them in order. Other readers' events are ignored.</summary>
    Task HandleReaderEventAsync(RfidReaderEvent readerEvent, CancellationToken cancellationToken = default);

    /// <summary>Signs a patron in with a card number from the scanner, an RFID card or the keyboard. Another session in progress ends.</summary>
    Task<SignInResult> SignInAsync(string cardNumber, SignInMethod method, CancellationToken cancellationToken = default);

    /// <summary>Checks the PIN of the card awaiting one (Patron Information, 63 with AD; the ILS answers in CQ).</summary>
    Task<SignInResult> SubmitPinAsync(string pin, CancellationToken cancellationToken = default);

    /// <summary>The signed-in patron's loans (overdue ones flagged), holds ready for pickup and fines.</summary>
    /// <exception cref="InvalidOperationException">Nobody is signed in, or the ILS cannot be reached.</exception>
    Task<PatronAccount> GetAccountAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds a book without a tag (or whose tag cannot be read) by its scanned barcode, for a loan or a return.</summary>
    Task<PadItem> ScanItemAsync(string itemId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lends everything on the pad and scanned in, after the patron reviewed the list: all checkouts go to the ILS in
    /// parallel, and each item gets its outcome (due date, or why not). Books lifted before their switch come back as
    /// <see cref="ItemOutcomeStatus.PutItBack"/> and finish when they return to the pad.
    /// </summary>
    Task<IReadOnlyList<ItemOutcome>> ConfirmBorrowAsync(CancellationToken cancellationToken = default);

    /// <summary>Takes back everything on the pad and scanned in; needs no sign-in. Security goes on first, then the ILS hears.</summary>
    Task<IReadOnlyList<ItemOutcome>> ReturnAsync(CancellationToken cancellationToken = default);

    /// <summary>Renews one of the signed-in patron's loans.</summary>
    Task<ItemOutcome> RenewAsync(string itemId, CancellationToken cancellationToken = default);

    /// <summary>Renews all of the signed-in patron's loans (Renew All, 65).</summary>
    /// <exception cref="InvalidOperationException">Nobody is signed in, or the ILS cannot be reached.</exception>
    Task<IReadOnlyList<ItemOutcome>> RenewAllAsync(CancellationToken cancellationToken = default);

    /// <summary>The patron touched the screen: the idle countdown starts again, and a showing idle warning goes away.</summary>
    void KeepAlive();

    /// <summary>Ends the session at the patron's request. Books lifted before their switch that never came back are listed for staff; their loans are undone only if they lie on the pad after all.</summary>
    Task EndSessionAsync(CancellationToken cancellationToken = default);

    /// <summary>Replays the offline queue in order, now; returns how many transactions reached the ILS. Runs by itself when the ILS comes back.</summary>
    Task<int> ReplayOfflineAsync(CancellationToken cancellationToken = default);

    /// <summary>What needs staff: items whose security could not be settled, and offline transactions that met a conflict.</summary>
    Task<StaffList> StaffListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Staff dealt with security journal entry <paramref name="id"/>: it leaves the staff list, and
    /// <see cref="DomainEvents.SecurityEntryResolved"/> is raised. Returns false when the entry is not on the list.
    /// </summary>
    Task<bool> ResolveSecurityEntryAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Staff dealt with the conflict of off-line transaction <paramref name="id"/>: it leaves the staff list, its card
    /// number is forgotten, and <see cref="DomainEvents.OfflineConflictResolved"/> is raised. Returns false when it is not on the list.
    /// </summary>
    Task<bool> ResolveOfflineConflictAsync(long id, CancellationToken cancellationToken = default);
}
