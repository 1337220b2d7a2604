using Kiosk.Protocols.Sip2;

namespace Kiosk.Simulators.Ils;

/// <summary>
/// One copy in the simulated library, with its loan and its hold queue. Immutable: <see cref="IlsLibrary"/> replaces
/// it whole on every change, so a reference read from the library is a consistent snapshot.
/// </summary>
public sealed record IlsItem
{
    /// <summary>The item's barcode (SIP2 AB).</summary>
    public required string Identifier { get; init; }

    /// <summary>The title (SIP2 AJ), in Vietnamese, precomposed (NFC).</summary>
    public required string Title { get; init; }

    /// <summary>The author, for the seed summary and receipts.</summary>
    public string Author { get; init; } = string.Empty;

    /// <summary>The kind of item, which decides the loan rules.</summary>
    public IlsItemType Type { get; init; } = IlsItemType.Book;

    /// <summary>The SIP2 media type (CK).</summary>
    public Sip2MediaType MediaType { get; init; } = Sip2MediaType.Book;

    /// <summary>
    /// How many physical parts make up this item (a 2-volume set is one item in 2 parts, each part with its own RFID tag).
    /// Sent in the item properties field as <c>parts=N</c> (see <see cref="IlsItemProperties"/>).
    /// </summary>
    public int Parts { get; init; } = 1;

    /// <summary>The shelf the item belongs on (SIP2 AQ).</summary>
    public string PermanentLocation { get; init; } = "Kho mở - Tầng 1";

    /// <summary>Free-text properties set by Item Status Update (19); null when none were set.</summary>
    public string? Properties { get; init; }

    /// <summary>Who has the item on loan, or null when it is in the library.</summary>
    public string? BorrowerIdentifier { get; init; }

    /// <summary>When the current loan began.</summary>
    public DateTimeOffset? CheckedOutAt { get; init; }

    /// <summary>When the current loan is due back.</summary>
    public DateTimeOffset? DueDate { get; init; }

    /// <summary>How many times the current loan has been renewed.</summary>
    public int RenewalCount { get; init; }

    /// <summary>The patrons waiting for this item, first in line first.</summary>
    public IReadOnlyList<string> HoldQueue { get; init; } = [];

    /// <summary>Whether the item is out on loan.</summary>
    public bool IsOnLoan => BorrowerIdentifier is not null;

    /// <summary>The loan rules of this item's type.</summary>
    public IlsLoanPolicy Policy => IlsLoanPolicy.For(Type);
}
