using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// GS V (1D 56): cuts the paper (Epson reference, "GS V Select cut mode and cut paper"). Without a feed it is function
/// A, <c>1D 56 m</c> with m = 0 (full) or 1 (partial); with a feed it is function B, <c>1D 56 m n</c> with m = 65 (full)
/// or 66 (partial), which feeds to the cutting position plus n motion units so the last line clears the blade.
/// </summary>
public sealed record CutCommand(EscPosCutMode Mode, byte? FeedUnits = null) : EscPosCommand
{
    /// <inheritdoc/>
    public override string Name => "GS V";

    /// <inheritdoc/>
    public override void Encode(IBufferWriter<byte> output)
    {
        var partial = Mode == EscPosCutMode.Partial;
        if (FeedUnits is { } feed)
        {
            Put(output, EscPosControl.GroupSeparator, 0x56, partial ? (byte)66 : (byte)65, feed);
        }
        else
        {
            Put(output, EscPosControl.GroupSeparator, 0x56, partial ? (byte)1 : (byte)0);
        }
    }
}
