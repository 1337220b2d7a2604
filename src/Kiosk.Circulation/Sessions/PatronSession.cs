namespace Kiosk.Circulation.Sessions;

/// <summary>A signed-in patron. The card number and PIN live only here, in memory, for the session's requests.</summary>
internal sealed class PatronSession(Guid id, string cardNumber, string? pin, IReadOnlyList<PatronBlock> blocks, PatronSummary summary, IDisposable protection)
{
    public Guid Id { get; } = id;

    public string CardNumber { get; } = cardNumber;

    public string? Pin { get; } = pin;

    public IReadOnlyList<PatronBlock> Blocks { get; } = blocks;

    public PatronSummary Summary { get; } = summary;

    public bool Offline => Summary.Offline;

    /// <summary>The guard on the card number, released when the session ends.</summary>
    public IDisposable Protection { get; } = protection;

    /// <summary>Items lent off-line in this session, against <see cref="CirculationOptions.OfflineMaxItems"/>.</summary>
    public int OfflineLoans { get; set; }

    /// <summary>Books lent in this session, against <see cref="PatronSummary.LoansLeft"/>.</summary>
    public int Loans { get; set; }

    public DateTimeOffset? IdleWarningEndsAt { get; set; }
}
