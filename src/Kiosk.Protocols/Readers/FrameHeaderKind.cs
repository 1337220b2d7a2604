namespace Kiosk.Protocols.Readers;

/// <summary>What the first bytes of a would-be frame say.</summary>
internal enum FrameHeaderKind
{
    /// <summary>These bytes cannot start a frame.</summary>
    Invalid,

    /// <summary>Too few bytes yet to know the frame's length.</summary>
    NeedMore,

    /// <summary>The frame's total length is known.</summary>
    Length,
}
