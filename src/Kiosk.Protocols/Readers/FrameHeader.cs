namespace Kiosk.Protocols.Readers;

/// <summary>The length a frame header declares, or why it cannot be a header.</summary>
internal readonly record struct FrameHeader(FrameHeaderKind Kind, int Length, string? Reason)
{
    public static FrameHeader NeedMore { get; } = new(FrameHeaderKind.NeedMore, 0, null);

    public static FrameHeader Invalid(string reason) => new(FrameHeaderKind.Invalid, 0, reason);

    public static FrameHeader Of(int length) => new(FrameHeaderKind.Length, length, null);
}
