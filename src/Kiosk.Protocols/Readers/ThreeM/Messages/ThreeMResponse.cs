namespace Kiosk.Protocols.Readers.ThreeM.Messages;

/// <summary>A 3M reader's reply: the echoed command code, an error code, then the command's fields (specification §3.3).</summary>
public abstract record ThreeMResponse
{
    /// <summary>The command code this replies to.</summary>
    public abstract byte Command { get; }

    /// <summary>The error code; <see cref="ThreeMErrorCode.None"/> on success.</summary>
    public ThreeMErrorCode Error { get; init; }

    /// <summary>The error code in words.</summary>
    public string Meaning => ThreeMErrorText.Describe(Error);

    internal abstract void WriteFields(FrameWriter writer);
}
