using Kiosk.Protocols.Printing.EscPos;

namespace Kiosk.Protocols.Printing;

/// <summary>What a patron's slip says. Laid out by <see cref="ReceiptLayout"/>, printed as raster or TCVN-3 text.</summary>
public sealed record Receipt
{
    /// <summary>The library's name, printed as the heading.</summary>
    public required string LibraryName { get; init; }

    /// <summary>The library's address.</summary>
    public required string Address { get; init; }

    /// <summary>An optional logo, printed above the heading.</summary>
    public MonochromeBitmap? Logo { get; init; }

    /// <summary>The patron, shown without the full card number.</summary>
    public required PatronDisplayName Patron { get; init; }

    /// <summary>Borrowed and returned items, in the order they were handled.</summary>
    public IReadOnlyList<ReceiptItem> Items { get; init; } = [];

    /// <summary>The ILS's screen messages (SIP2 AF), printed as it sent them.</summary>
    public IReadOnlyList<string> ScreenMessages { get; init; } = [];

    /// <summary>The ILS's print lines (SIP2 AG).</summary>
    public IReadOnlyList<string> PrintLines { get; init; } = [];

    /// <summary>An optional QR code or barcode at the foot.</summary>
    public ReceiptCode? Code { get; init; }

    /// <summary>When the receipt was printed, in the kiosk's local time.</summary>
    public required DateTimeOffset PrintedAt { get; init; }

    /// <summary>The language of the labels.</summary>
    public ReceiptLanguage Language { get; init; } = ReceiptLanguage.Vietnamese;

    /// <summary>How many items were borrowed.</summary>
    public int BorrowedCount => Items.Count(item => !item.IsReturned);

    /// <summary>How many items were returned.</summary>
    public int ReturnedCount => Items.Count(item => item.IsReturned);
}
