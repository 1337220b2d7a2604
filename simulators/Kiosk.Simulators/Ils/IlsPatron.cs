using Kiosk.Protocols.Sip2;

namespace Kiosk.Simulators.Ils;

/// <summary>
/// A reader (patron) of the simulated library. Immutable: <see cref="IlsLibrary"/> replaces it whole on every change.
/// Conditions that follow from loans and fines (too many items, excessive fines) are computed by the library, not stored.
/// </summary>
public sealed record IlsPatron
{
    /// <summary>The card barcode (SIP2 AA). Never logged in clear.</summary>
    public required string Identifier { get; init; }

    /// <summary>The reader's name (SIP2 AE), in Vietnamese. Never logged.</summary>
    public required string Name { get; init; }

    /// <summary>The PIN checked against SIP2 AD. Never logged.</summary>
    public required string Pin { get; init; }

    /// <summary>The kind of card.</summary>
    public IlsPatronCategory Category { get; init; } = IlsPatronCategory.Adult;

    /// <summary>How many items the reader may have on loan at once (SIP2 CB).</summary>
    public int LoanLimit { get; init; } = 5;

    /// <summary>How many holds the reader may have at once (SIP2 BZ).</summary>
    public int HoldLimit { get; init; } = 3;

    /// <summary>How many overdue items make the card blocked for new loans (SIP2 CA).</summary>
    public int OverdueLimit { get; init; } = 3;

    /// <summary>Outstanding fines above this block new loans and renewals, in VND (SIP2 CC).</summary>
    public long FeeLimit { get; init; } = 100_000;

    /// <summary>Fines already charged and not yet paid, in VND; fines still accruing on overdue loans come on top.</summary>
    public long FineBalance { get; init; }

    /// <summary>Conditions set by staff or by Block Patron: charge privileges denied, card reported lost, and so on.</summary>
    public Sip2PatronStatus Blocks { get; init; }

    /// <summary>Why the card was blocked (SIP2 AL), when Block Patron said.</summary>
    public string? BlockedCardMessage { get; init; }

    /// <summary>The reader's e-mail address (SIP2 BE). Never logged.</summary>
    public string? EmailAddress { get; init; }
}
