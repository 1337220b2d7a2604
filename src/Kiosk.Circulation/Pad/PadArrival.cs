namespace Kiosk.Circulation.Pad;

/// <summary>What a reader event asks of the rest of the kiosk, beyond the pad model's own bookkeeping.</summary>
/// <param name="PatronCard">A patron card's number, when a patron card was laid on the pad: sign in with it.</param>
/// <param name="ReturnedItemId">An item lent but lifted before its switch, now back whole: finish its loan.</param>
/// <param name="RetryAfter">A tag that could not be read: read it again after this long, while it stays.</param>
/// <param name="ReadFailure">Why the tag could not be read, when it could not.</param>
internal sealed record PadArrival(string? PatronCard = null, string? ReturnedItemId = null, TimeSpan? RetryAfter = null, string? ReadFailure = null)
{
    public static PadArrival Nothing { get; } = new();
}
