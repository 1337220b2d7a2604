namespace Kiosk.Protocols.Printing;

/// <summary>One line item: a title, and its due date when borrowed or nothing when returned.</summary>
public sealed record ReceiptItem
{
    private ReceiptItem(string title, DateOnly? dueDate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Title = title.Trim();
        DueDate = dueDate;
    }

    /// <summary>The title as the ILS gave it (SIP2 AJ).</summary>
    public string Title { get; }

    /// <summary>When a borrowed item is due; null for a returned one.</summary>
    public DateOnly? DueDate { get; }

    /// <summary>Whether the item was returned rather than borrowed.</summary>
    public bool IsReturned => DueDate is null;

    /// <summary>A borrowed item due on <paramref name="dueDate"/>.</summary>
    public static ReceiptItem Borrowed(string title, DateOnly dueDate) => new(title, dueDate);

    /// <summary>A returned item.</summary>
    public static ReceiptItem Returned(string title) => new(title, null);
}
