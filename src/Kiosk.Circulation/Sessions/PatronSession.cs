namespace Kiosk.Circulation.Sessions;

/// <summary>A signed-in patron. The card number and PIN live only here, in memory, for the session's requests.</summary>
internal sealed class PatronSession(Guid id, string cardNumber, string? pin, IReadOnlyList<PatronBlock> blocks, bool offline)
{
    public Guid Id { get; } = id;

    public string CardNumber { get; } = cardNumber;

    public string? Pin { get; } = pin;

    public IReadOnlyList<PatronBlock> Blocks { get; } = blocks;

    public bool Offline { get; } = offline;

    /// <summary>Items lent off-line in this session, against <see cref="CirculationOptions.OfflineMaxItems"/>.</summary>
    public int OfflineLoans { get; set; }

    public DateTimeOffset? IdleWarningEndsAt { get; set; }

    /// <summary>Loans still owing their security switch, so the session's end can undo them.</summary>
    public List<(PadEntry Entry, long JournalId)> Awaiting { get; } = [];

    internal static bool BorrowingBlocked(IReadOnlyList<PatronBlock> blocks) =>
        blocks.Any(block => block is PatronBlock.BorrowingDenied or PatronBlock.CardReportedLost or PatronBlock.TooManyItemsCharged or PatronBlock.FinesOverLimit);
}
