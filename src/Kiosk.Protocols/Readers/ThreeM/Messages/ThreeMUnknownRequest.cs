namespace Kiosk.Protocols.Readers.ThreeM.Messages;

/// <summary>A request this codec does not interpret, kept byte for byte.</summary>
public sealed record ThreeMUnknownRequest : ThreeMRequest
{
    /// <summary>The start byte, 0xD6 or 0xD5.</summary>
    public byte StartByte { get; init; } = 0xD6;

    /// <summary>The command code.</summary>
    public required byte CommandByte { get; init; }

    /// <summary>The fields after the command code.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <inheritdoc/>
    public override byte Command => CommandByte;

    internal override void WriteFields(FrameWriter writer) => writer.Write(Body.Span);
}
