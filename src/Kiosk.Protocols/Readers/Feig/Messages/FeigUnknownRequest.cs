namespace Kiosk.Protocols.Readers.Feig.Messages;

/// <summary>A request this codec does not interpret: its command byte and data as they were.</summary>
public sealed record FeigUnknownRequest : FeigRequest
{
    /// <summary>The command byte.</summary>
    public required byte CommandByte { get; init; }

    /// <summary>The data field.</summary>
    public ReadOnlyMemory<byte> Data { get; init; }

    /// <inheritdoc/>
    public override byte Command => CommandByte;

    internal override void WriteData(FrameWriter writer) => writer.Write(Data.Span);
}
