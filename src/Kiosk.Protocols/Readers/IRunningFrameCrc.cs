namespace Kiosk.Protocols.Readers;

/// <summary>
/// A frame CRC that the <see cref="FrameAssembler"/> can check from a register kept running along the stream, without
/// reading the frame again: for protocols where nearly every offset of line noise is a candidate frame.
/// </summary>
internal interface IRunningFrameCrc
{
    /// <summary>The register before the first byte.</summary>
    ushort Preset { get; }

    /// <summary>The register after one more byte.</summary>
    ushort Update(ushort register, byte value);

    /// <summary>
    /// Whether the CRC of the frame of <paramref name="length"/> bytes that starts where the register read
    /// <paramref name="registerAtStart"/> and ends where it read <paramref name="registerAtEnd"/> holds; false in
    /// <paramref name="known"/> when this frame must be checked from its bytes.
    /// </summary>
    bool TryHolds(ushort registerAtStart, ushort registerAtEnd, int length, out bool known);
}
