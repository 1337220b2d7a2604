using Kiosk.Protocols.Readers;

namespace Kiosk.Circulation.Pad;

/// <summary>A loan made in the ILS whose book was lifted before its security was switched off.</summary>
/// <param name="ItemId">The item.</param>
/// <param name="Title">Its title, when known.</param>
/// <param name="JournalId">The loan's unfinished journal entry.</param>
/// <param name="DueDate">The loan's due date.</param>
/// <param name="SessionId">The session that made the loan.</param>
/// <param name="Tags">Every tag the item showed on the pad in this visit.</param>
internal sealed record AwaitingLoan(string ItemId, string? Title, long JournalId, DateTimeOffset? DueDate, Guid? SessionId, IReadOnlyList<TransponderUid> Tags);
