namespace Kiosk.Protocols.Readers.ThreeM.Messages;

/// <summary>One block of a Read Multiblock reply.</summary>
/// <param name="Number">The block number.</param>
/// <param name="LockStatus">0 unlocked, 1 user locked, 2 factory locked, 3 both; above 3 an error code for this block.</param>
/// <param name="Data">The block's 4 bytes in the tag's order.</param>
public sealed record ThreeMBlock(byte Number, byte LockStatus, ReadOnlyMemory<byte> Data);
