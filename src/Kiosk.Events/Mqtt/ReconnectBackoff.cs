namespace Kiosk.Events.Mqtt;

/// <summary>
/// The wait before each attempt to reach the broker again: it doubles after each failure up to a cap, is spread ±20 %
/// (never past the cap) so that a province's kiosks do not all reconnect in the same instant after a broker restart, and
/// starts again from the shortest wait only once a connection has held for a while. A broker that accepts and then
/// drops the kiosk at once (a refused publish right, a session taken over) is therefore not hammered at the shortest
/// wait, while one that was up for long and restarts is tried again within the cap of its return.
/// </summary>
internal sealed class ReconnectBackoff
{
    private readonly TimeSpan _min;
    private readonly TimeSpan _max;
    private readonly TimeSpan _resetAfter;
    private readonly Func<double> _random;
    private TimeSpan _next;
    private DateTimeOffset? _connectedAt;

    /// <param name="min">The first wait.</param>
    /// <param name="max">The longest wait, jitter included.</param>
    /// <param name="resetAfter">How long a connection must hold before a loss starts again from <paramref name="min"/>.</param>
    /// <param name="random">A uniform draw in [0, 1); tests give a fixed one.</param>
    public ReconnectBackoff(TimeSpan min, TimeSpan max, TimeSpan resetAfter, Func<double>? random = null)
    {
        _min = min;
        _max = max < min ? min : max;
        _resetAfter = resetAfter;
        _random = random ?? Random.Shared.NextDouble;
        _next = min;
    }

    /// <summary>The wait before the next attempt; each call counts as one more failure.</summary>
    public TimeSpan NextDelay()
    {
        var spread = TimeSpan.FromTicks((long)(_next.Ticks * (0.8 + (0.4 * _random()))));
        _next = TimeSpan.FromTicks(Math.Min(_next.Ticks * 2, _max.Ticks));
        return spread > _max ? _max : spread;
    }

    /// <summary>A connection was made at <paramref name="at"/>.</summary>
    public void Connected(DateTimeOffset at) => _connectedAt = at;

    /// <summary>The connection made last was lost at <paramref name="at"/>: if it held long enough, the waits start over.</summary>
    public void Lost(DateTimeOffset at)
    {
        if (_connectedAt is { } connectedAt && at - connectedAt >= _resetAfter)
        {
            _next = _min;
        }

        _connectedAt = null;
    }
}
