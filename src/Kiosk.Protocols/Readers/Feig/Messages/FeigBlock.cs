namespace Kiosk.Protocols.Readers.Feig.Messages;

/// <summary>One block of a Read Multiple Blocks reply, in the tag's memory order (un-reversed).</summary>
/// <param name="SecurityStatus">SEC-STATUS: the block's lock status, or 0x00 when not requested.</param>
/// <param name="Data">The block's bytes as the tag stores them.</param>
public sealed record FeigBlock(byte SecurityStatus, ReadOnlyMemory<byte> Data);
