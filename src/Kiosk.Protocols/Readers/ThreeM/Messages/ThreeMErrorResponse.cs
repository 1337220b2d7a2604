namespace Kiosk.Protocols.Readers.ThreeM.Messages;

/// <summary>
/// A reply with an error code. Addressed commands still echo the UID (and sometimes more, e.g. Check EAS, §7.13);
/// an unimplemented command comes back with nothing after the error code (§5).
/// </summary>
public sealed record ThreeMErrorResponse : ThreeMResponse
{
    /// <summary>The command code.</summary>
    public required byte CommandByte { get; init; }

    /// <summary>The echoed UID of an addressed command, when present.</summary>
    public TransponderUid? Uid { get; init; }

    /// <summary>Bytes after the UID (or after the error code when there is no UID).</summary>
    public ReadOnlyMemory<byte> Rest { get; init; }

    /// <inheritdoc/>
    public override byte Command => CommandByte;

    internal override void WriteFields(FrameWriter writer)
    {
        if (Uid is { } uid)
        {
            writer.Write(uid);
        }

        writer.Write(Rest.Span);
    }
}
