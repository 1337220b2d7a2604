namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>The commands that print one bitmap, and what they cost on the wire.</summary>
public sealed record RasterPlan
{
    /// <summary>Bands (GS v 0) and paper feeds (ESC J) in print order.</summary>
    public required IReadOnlyList<EscPosCommand> Commands { get; init; }

    /// <summary>The commands' bytes, concatenated.</summary>
    public required byte[] Bytes { get; init; }

    /// <summary>How many bytes go to the printer.</summary>
    public int ByteCount => Bytes.Length;

    /// <summary>
    /// How long the bytes take on a serial link of <paramref name="baudRate"/> with 8 data bits, no parity and one stop
    /// bit: ten bit times per byte.
    /// </summary>
    public TimeSpan TransmissionTime(int baudRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(baudRate);
        return TimeSpan.FromSeconds(ByteCount * 10.0 / baudRate);
    }
}
