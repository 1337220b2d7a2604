namespace Kiosk.Protocols.Readers;

/// <summary>One thing the <see cref="FrameAssembler"/> found: a frame whose CRC holds, or bytes it had to skip.</summary>
internal readonly record struct FrameAssemblerOutput(byte[]? Frame, long Offset, FrameDecodeError? Error);
