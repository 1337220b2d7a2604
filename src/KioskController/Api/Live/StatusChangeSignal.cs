using System.Threading.Channels;

namespace KioskController.Api.Live;

/// <summary>
/// "Something on the status page changed": devices and the ILS link raise it; <see cref="StatusBroadcaster"/> answers
/// with one fresh snapshot however many signals arrived meanwhile.
/// </summary>
internal sealed class StatusChangeSignal
{
    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>Marks the status as changed; never blocks.</summary>
    public void Raise() => _signals.Writer.TryWrite(true);

    /// <summary>Waits for the next change.</summary>
    public ValueTask<bool> WaitAsync(CancellationToken cancellationToken) => _signals.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>Takes the pending change, if any.</summary>
    public bool TryTake() => _signals.Reader.TryRead(out _);
}
