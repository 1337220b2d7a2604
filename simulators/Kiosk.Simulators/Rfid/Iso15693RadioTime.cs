using Kiosk.Protocols.Readers;

namespace Kiosk.Simulators.Rfid;

/// <summary>
/// How long the radio side of a reader command takes, modelled from ISO/IEC 15693-2/-3 as kept in
/// <see cref="Iso15693Timing"/>: 26.48 kbit/s each way, a 1-slot inventory ≈ 6 ms,
/// a 16-slot inventory ≈ 10 ms empty and ≈ 14 ms with one tag, 8 blocks read ≈ 16 ms, a block or AFI write ≈ 10 ms.
/// </summary>
/// <remarks>
/// Anticollision follows ISO/IEC 15693-3: in a 16-slot round each tag answers in the slot named by the next 4 bits of
/// its UID (least significant first); where two or more answer in one slot they collide, and the reader runs another
/// round for that slot with a mask 4 bits longer. Each round costs the empty 16-slot time, and each slot in which
/// anything answered (alone or colliding) costs the difference between the one-tag and the empty figure. Reads scale
/// with the bytes the tag sends at the high data rate, calibrated so that 8 blocks of 4 bytes take the documented 16 ms.
/// </remarks>
public static class Iso15693RadioTime
{
    private const int CalibrationBlocks = 8;
    private const int CalibrationBlockSize = 4;

    /// <summary>
    /// The fixed part of a read (request, t1 response delay, SOF, flags, CRC, EOF): the documented 8-block read less the
    /// time its 32 data bytes take at 26.48 kbit/s, ≈ 6.33 ms.
    /// </summary>
    public static readonly TimeSpan ReadOverhead = Iso15693Timing.ReadEightBlocks - ByteTime(CalibrationBlocks * CalibrationBlockSize);

    /// <summary>What a slot in which a tag answered costs over an empty slot: ≈ 14 ms − 10 ms = 4 ms.</summary>
    public static readonly TimeSpan AnsweredSlot = Iso15693Timing.SixteenSlotInventoryOneTag - Iso15693Timing.SixteenSlotInventoryEmpty;

    /// <summary>One block write (ISO 15693 Write Single Block; readers split a multiple-block write into these).</summary>
    public static readonly TimeSpan BlockWrite = Iso15693Timing.WriteTypicalShortest;

    /// <summary>The time <paramref name="bytes"/> bytes take from the tag at the high data rate.</summary>
    public static TimeSpan ByteTime(int bytes) => TimeSpan.FromSeconds(bytes * 8 / Iso15693Timing.HighDataRateBitsPerSecond);

    /// <summary>
    /// An inventory of the tags with <paramref name="uids"/> (those that answer: in the field and matching the AFI) in
    /// 16 slots, or in 1 slot when <paramref name="sixteenSlots"/> is false, where two tags collide for good.
    /// </summary>
    /// <param name="uids">The answering tags.</param>
    /// <param name="sixteenSlots">16 slots (anticollision) or 1 slot.</param>
    /// <param name="unresolvedCollision">Whether tags collided in 1-slot mode, which the reader cannot resolve.</param>
    public static TimeSpan Inventory(IReadOnlyCollection<TransponderUid> uids, bool sixteenSlots, out bool unresolvedCollision)
    {
        ArgumentNullException.ThrowIfNull(uids);
        if (!sixteenSlots)
        {
            unresolvedCollision = uids.Count > 1;
            return Iso15693Timing.OneSlotInventory;
        }

        unresolvedCollision = false;
        return Round(uids, maskBits: 0);
    }

    /// <summary>Read Multiple Blocks: <paramref name="blocks"/> of <paramref name="blockSize"/> bytes, each with a security byte when asked.</summary>
    public static TimeSpan ReadBlocks(int blocks, int blockSize, bool withSecurityStatus) =>
        ReadOverhead + ByteTime(blocks * (blockSize + (withSecurityStatus ? 1 : 0)));

    /// <summary>Get System Information: the tag sends 15 bytes (flags, info flags, UID, DSFID, AFI, memory size, IC reference; ISO/IEC 15693-3 §10.4.12).</summary>
    public static TimeSpan SystemInformation() => ReadOverhead + ByteTime(15);

    /// <summary>Writing <paramref name="blocks"/> blocks one by one.</summary>
    public static TimeSpan WriteBlocks(int blocks) => BlockWrite * Math.Max(blocks, 1);

    /// <summary>Write AFI, Lock AFI, Set and Reset EAS: one write cycle in the tag's EEPROM.</summary>
    public static TimeSpan RegisterWrite() => BlockWrite;

    /// <summary>NXP EAS Alarm: a tag with EAS set answers with its 256-bit EAS sequence (NXP SL2S2002 data sheet, EAS_ALARM).</summary>
    public static TimeSpan EasAlarm() => ReadOverhead + ByteTime(32);

    private static TimeSpan Round(IReadOnlyCollection<TransponderUid> uids, int maskBits)
    {
        var time = Iso15693Timing.SixteenSlotInventoryEmpty;
        if (maskBits >= 64)
        {
            // Only equal UIDs could get here; a real field never holds two.
            return time;
        }

        foreach (var slot in uids.GroupBy(uid => (int)((uid.Value >> maskBits) & 0xF)))
        {
            var inSlot = slot.ToArray();
            time += AnsweredSlot;
            if (inSlot.Length > 1)
            {
                time += Round(inSlot, maskBits + 4);
            }
        }

        return time;
    }
}
