namespace Kiosk.Protocols.Readers;

/// <summary>
/// Radio-side ISO 15693 times, for simulators that answer as fast as real tags and for drivers that budget a poll.
/// Unless noted, the figures follow ISO/IEC 15693-2/-3 at the high data rate with one subcarrier.
/// </summary>
public static class Iso15693Timing
{
    /// <summary>Bit rate each way at the high data rate: 26.48 kbit/s.</summary>
    public const double HighDataRateBitsPerSecond = 26_480;

    /// <summary>Inventory with 1 slot: about 6 ms.</summary>
    public static readonly TimeSpan OneSlotInventory = TimeSpan.FromMilliseconds(6);

    /// <summary>Inventory with 16 slots and no tag: about 10 ms.</summary>
    public static readonly TimeSpan SixteenSlotInventoryEmpty = TimeSpan.FromMilliseconds(10);

    /// <summary>Inventory with 16 slots and one tag answering: about 14 ms.</summary>
    public static readonly TimeSpan SixteenSlotInventoryOneTag = TimeSpan.FromMilliseconds(14);

    /// <summary>Reading 8 blocks: about 16 ms.</summary>
    public static readonly TimeSpan ReadEightBlocks = TimeSpan.FromMilliseconds(16);

    /// <summary>A block or AFI write, shortest typical: about 10 ms.</summary>
    public static readonly TimeSpan WriteTypicalShortest = TimeSpan.FromMilliseconds(10);

    /// <summary>A block or AFI write, longest typical: about 13 ms.</summary>
    public static readonly TimeSpan WriteTypicalLongest = TimeSpan.FromMilliseconds(13);

    /// <summary>A block or AFI write, worst case: up to about 26 ms.</summary>
    public static readonly TimeSpan WriteWorstCase = TimeSpan.FromMilliseconds(26);

    /// <summary>
    /// t1, the tag's response delay after a request, 318.6 µs to 323.3 µs (FEIG ID CPR manual §8.1, p.123, quoting
    /// ISO/IEC 15693-3).
    /// </summary>
    public static readonly TimeSpan ResponseDelayMinimum = TimeSpan.FromMicroseconds(318.6);

    /// <summary>Upper bound of t1 (FEIG ID CPR manual §8.1, p.123).</summary>
    public static readonly TimeSpan ResponseDelayMaximum = TimeSpan.FromMicroseconds(323.3);
}
