namespace Kiosk.Events.Commands;

/// <summary>
/// Remembers the nonces of accepted commands for as long as their timestamp could still pass, so that a captured
/// command cannot be replayed inside the clock-skew window.
/// </summary>
internal sealed class NonceCache(int capacity)
{
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Records <paramref name="nonce"/> until <paramref name="forgetAfter"/>; false when it was already seen or the cache is full.</summary>
    public bool TryRecord(string nonce, DateTimeOffset now, DateTimeOffset forgetAfter, out bool full)
    {
        lock (_gate)
        {
            full = false;
            if (_seen.Count >= capacity)
            {
                foreach (var (key, expiry) in _seen.ToArray())
                {
                    if (expiry < now)
                    {
                        _seen.Remove(key);
                    }
                }
            }

            if (_seen.ContainsKey(nonce))
            {
                return false;
            }

            if (_seen.Count >= capacity)
            {
                full = true;
                return false;
            }

            _seen[nonce] = forgetAfter;
            return true;
        }
    }
}
