namespace Kiosk.Circulation.Sessions;

/// <summary>No pseudonyms and no guard: for a kiosk composed without an event pipeline.</summary>
internal sealed class NoPatronPrivacy : IPatronPrivacy
{
    public string? Pseudonymize(string cardNumber) => null;

    public IDisposable Protect(string cardNumber) => NoScope.Instance;

    private sealed class NoScope : IDisposable
    {
        public static NoScope Instance { get; } = new();

        public void Dispose()
        {
        }
    }
}
