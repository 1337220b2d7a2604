namespace Kiosk.Circulation.Sessions;

/// <summary>A card presented and waiting for its PIN.</summary>
internal sealed class PendingSignIn(string cardNumber, SignInMethod method, IReadOnlyList<PatronBlock> blocks, IDisposable protection)
{
    public string CardNumber { get; } = cardNumber;

    public SignInMethod Method { get; } = method;

    public IReadOnlyList<PatronBlock> Blocks { get; } = blocks;

    public int WrongAttempts { get; set; }

    /// <summary>The guard on the card number while its PIN is awaited.</summary>
    public IDisposable Protection { get; } = protection;
}
