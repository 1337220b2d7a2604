namespace Kiosk.Protocols.Readers;

/// <summary>
/// Which side of the serial line sent a frame. Reader replies carry a status (FEIG) or error code (3M) that requests
/// lack, so a decoder must be told which side it listens to: the kiosk's driver decodes <see cref="ReaderToHost"/>,
/// the reader simulator decodes <see cref="HostToReader"/>.
/// </summary>
public enum FrameDirection
{
    /// <summary>Requests: the kiosk (host) talking to the reader.</summary>
    HostToReader,

    /// <summary>Replies: the reader answering the host.</summary>
    ReaderToHost,
}
