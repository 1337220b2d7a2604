using Kiosk.Circulation.Availability;
using Kiosk.Circulation.Security;

namespace Kiosk.Circulation.Staff;

/// <summary>What staff must look at. Offline conflicts still hold the card number (staff need it); show them only on the staff screen.</summary>
/// <param name="SecurityItems">Journal entries the kiosk could not settle on its own, with a note each.</param>
/// <param name="OfflineConflicts">Offline transactions that met a conflict at the ILS.</param>
public sealed record StaffList(IReadOnlyList<SecurityJournalEntry> SecurityItems, IReadOnlyList<OfflineTransaction> OfflineConflicts);
