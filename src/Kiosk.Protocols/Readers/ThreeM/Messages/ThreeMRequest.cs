namespace Kiosk.Protocols.Readers.ThreeM.Messages;

/// <summary>A request from the host to a 3M reader; <see cref="ThreeMEncoder"/> writes it.</summary>
public abstract record ThreeMRequest
{
    /// <summary>The command code.</summary>
    public abstract byte Command { get; }

    internal abstract void WriteFields(FrameWriter writer);
}
