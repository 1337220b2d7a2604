namespace Kiosk.Circulation.Transactions;

/// <summary>The result of lending, returning or renewing one item: OK with its due date, or why not.</summary>
/// <param name="ItemId">The item.</param>
/// <param name="Title">Its title, when known.</param>
/// <param name="Operation">What was asked.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Reason">Why it was refused or warned, as a code; null when plainly done.</param>
/// <param name="DueDate">The due date, for a loan or renewal, when the ILS gave one.</param>
/// <param name="MissingParts">The parts that were not on the pad, for a set.</param>
/// <param name="Offline">Whether it was done off-line, to be replayed.</param>
/// <param name="IlsMessage">What the ILS said on screen (AF), in its own words, for the patron to read; never put in an event.</param>
/// <param name="SortBin">For a return, where staff should put it, when the ILS says.</param>
/// <param name="DueDay">The day it is due, in the library's time zone: the one date the patron is shown.</param>
public sealed record ItemOutcome(
    string ItemId,
    string? Title,
    CirculationOperation Operation,
    ItemOutcomeStatus Status,
    RefusalReason? Reason = null,
    DateTimeOffset? DueDate = null,
    IReadOnlyList<int>? MissingParts = null,
    bool Offline = false,
    string? IlsMessage = null,
    string? SortBin = null,
    DateOnly? DueDay = null)
{
    /// <summary>Whether the item was lent, returned or renewed.</summary>
    public bool Succeeded => Status is ItemOutcomeStatus.Done or ItemOutcomeStatus.DoneWithWarning;
}
