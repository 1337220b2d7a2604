using System.Collections.Concurrent;
using Kiosk.Devices.Rfid;
using Kiosk.Protocols.Readers;

namespace Kiosk.Devices.Tests.Gates;

/// <summary>The real driver, passed through, noting which tag reads the gate asked for (not the polls).</summary>
internal sealed class RecordingRfidReader(IRfidReader inner) : IRfidReader, IRfidEasAlarm
{
    private readonly ConcurrentQueue<string> _reads = new();

    /// <summary>"blocks 0+9" for a partial read, "whole tag" for a full one, in order.</summary>
    public IReadOnlyList<string> Reads => [.. _reads];

    public string Name => inner.Name;

    public IReadOnlyList<int> Antennas => inner.Antennas;

    public Task<IReadOnlyList<RfidInventoryEntry>> InventoryAsync(int antenna, byte? afi = null, CancellationToken cancellationToken = default) =>
        inner.InventoryAsync(antenna, afi, cancellationToken);

    public Task<bool> EasAlarmAsync(int antenna, CancellationToken cancellationToken = default) =>
        ((IRfidEasAlarm)inner).EasAlarmAsync(antenna, cancellationToken);

    public Task<RfidTagMemory> ReadTagAsync(TransponderUid uid, CancellationToken cancellationToken = default)
    {
        _reads.Enqueue("whole tag");
        return inner.ReadTagAsync(uid, cancellationToken);
    }

    public Task<RfidTagBlocks> ReadBlocksAsync(TransponderUid uid, int firstBlock, int blockCount, CancellationToken cancellationToken = default)
    {
        _reads.Enqueue(FormattableString.Invariant($"blocks {firstBlock}+{blockCount}"));
        return inner.ReadBlocksAsync(uid, firstBlock, blockCount, cancellationToken);
    }

    public Task WriteBlocksAsync(TransponderUid uid, int firstBlock, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) =>
        inner.WriteBlocksAsync(uid, firstBlock, data, cancellationToken);

    public Task<RfidSecurityResult> SetSecurityAsync(TransponderUid uid, bool secured, CancellationToken cancellationToken = default) =>
        inner.SetSecurityAsync(uid, secured, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
