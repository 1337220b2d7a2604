namespace Kiosk.Simulators.Rfid;

/// <summary>
/// The time a reader simulator modelled so far: radio time (<see cref="Iso15693RadioTime"/>) and serial wire time of
/// requests and replies. It is the floor no driver can beat on real hardware, so a benchmark prints its own total
/// against it. Thread-safe.
/// </summary>
public sealed class ReaderTimeFloor
{
    private long _radioTicks;
    private long _serialTicks;
    private long _exchanges;

    /// <summary>Radio time modelled, summed over every answered request.</summary>
    public TimeSpan Radio => TimeSpan.FromTicks(Interlocked.Read(ref _radioTicks));

    /// <summary>Serial wire time modelled, requests and replies.</summary>
    public TimeSpan Serial => TimeSpan.FromTicks(Interlocked.Read(ref _serialTicks));

    /// <summary>Radio plus serial time.</summary>
    public TimeSpan Total => Radio + Serial;

    /// <summary>How many request–reply exchanges were modelled.</summary>
    public long Exchanges => Interlocked.Read(ref _exchanges);

    /// <summary>Starts counting again from zero.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _radioTicks, 0);
        Interlocked.Exchange(ref _serialTicks, 0);
        Interlocked.Exchange(ref _exchanges, 0);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{Total.TotalMilliseconds:F1} ms over {Exchanges} exchange(s): radio {Radio.TotalMilliseconds:F1} ms, serial {Serial.TotalMilliseconds:F1} ms");

    internal void Add(TimeSpan radio, TimeSpan serial)
    {
        Interlocked.Add(ref _radioTicks, radio.Ticks);
        Interlocked.Add(ref _serialTicks, serial.Ticks);
        Interlocked.Increment(ref _exchanges);
    }
}
