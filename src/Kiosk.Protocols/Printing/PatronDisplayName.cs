namespace Kiosk.Protocols.Printing;

/// <summary>
/// How a receipt names the patron: a display name and at most the last four characters of the card number, never the
/// whole number, because a slip left at the kiosk must not let someone else borrow on that card.
/// </summary>
public sealed record PatronDisplayName
{
    /// <summary>The most card characters a receipt may show.</summary>
    public const int MaxCardCharacters = 4;

    private PatronDisplayName(string name, string cardSuffix)
    {
        Name = name;
        CardSuffix = cardSuffix;
    }

    /// <summary>The patron's display name as the ILS gave it (SIP2 AE), or empty.</summary>
    public string Name { get; }

    /// <summary>The last characters of the card: four at most, and always fewer than the whole card.</summary>
    public string CardSuffix { get; }

    /// <summary>
    /// A display name for <paramref name="name"/> holding card <paramref name="cardNumber"/>. The suffix is the last four
    /// characters, or fewer when the card is so short that four would be all of it; a name that contains the whole card
    /// number has it replaced by the suffix.
    /// </summary>
    public static PatronDisplayName Create(string? name, string cardNumber)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cardNumber);
        var card = cardNumber.Trim();
        var shown = Math.Min(MaxCardCharacters, card.Length - 1);
        var suffix = shown > 0 ? card[^shown..] : string.Empty;
        var displayName = (name ?? string.Empty).Trim();
        if (displayName.Contains(card, StringComparison.OrdinalIgnoreCase))
        {
            displayName = displayName.Replace(card, "..." + suffix, StringComparison.OrdinalIgnoreCase);
        }

        return new PatronDisplayName(displayName, suffix);
    }

    /// <summary>"Name (...1234)", "...1234", or the name alone when the card is too short to show any of it.</summary>
    public override string ToString() => (Name.Length, CardSuffix.Length) switch
    {
        (0, 0) => string.Empty,
        (0, _) => "..." + CardSuffix,
        (_, 0) => Name,
        _ => $"{Name} (...{CardSuffix})",
    };
}
