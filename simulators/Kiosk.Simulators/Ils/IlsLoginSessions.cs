using System.Collections.Concurrent;

namespace Kiosk.Simulators.Ils;

/// <summary>Which connection holds a session for each SIP login, for the one-session-per-login fault.</summary>
internal sealed class IlsLoginSessions
{
    private readonly ConcurrentDictionary<string, int> _holders = new(StringComparer.Ordinal);

    /// <summary>The connection, other than <paramref name="connection"/>, that holds a session for <paramref name="userId"/>.</summary>
    public int? OtherHolder(string userId, int connection) =>
        _holders.TryGetValue(userId, out var holder) && holder != connection ? holder : null;

    /// <summary>Records that <paramref name="connection"/> logged in as <paramref name="userId"/>.</summary>
    public void Claim(string userId, int connection) => _holders.AddOrUpdate(userId, connection, (_, _) => connection);

    /// <summary>Forgets every session <paramref name="connection"/> held, when it closes.</summary>
    public void Release(int connection)
    {
        foreach (var (userId, holder) in _holders)
        {
            if (holder == connection)
            {
                _holders.TryRemove(new KeyValuePair<string, int>(userId, holder));
            }
        }
    }
}
