namespace Kiosk.Protocols.Readers.ThreeM;

/// <summary>
/// Line settings and times for 3M readers. The specification documents no reply time: it says only that the host must
/// not send the next command until the whole reply has arrived, because the reader ignores commands while busy
/// (Model 210 specification §1.1). The timeouts below are what a working open-source driver uses, labelled as such.
/// </summary>
public static class ThreeMTiming
{
    /// <summary>19200 baud, 8 data bits, no parity, 1 stop bit (specification §2 "Communication Scheme").</summary>
    public const int BaudRate = 19200;

    /// <summary>
    /// A clock wait of the ISO pass-through command when the reader sends a 100 % EOF (TI tags): 9.44 µs (§7.3).
    /// </summary>
    public static readonly TimeSpan ClockWaitWithEndOfFrame = TimeSpan.FromMicroseconds(9.44);

    /// <summary>A clock wait of the ISO pass-through command otherwise (NXP, ST tags): 18.88 µs (§7.3).</summary>
    public static readonly TimeSpan ClockWait = TimeSpan.FromMicroseconds(18.88);

    /// <summary>TI ISO tags need the EOF about 10 ms after a command that writes (block, AFI) (§7.3, note **).</summary>
    public static readonly TimeSpan TexasInstrumentsWriteEndOfFrameDelay = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Practice, not specification: the gap between characters after which Biblio-RFID's 3M 810 driver gives up on a
    /// reply, 100 ms (lib/Biblio/RFID/Reader/3M810.pm, <c>read_char_time(100)</c>).
    /// </summary>
    public static readonly TimeSpan PracticalCharacterTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>Practice, not specification: Biblio-RFID's whole-read timeout for a 3M 810 reply, 500 ms (<c>read_const_time(500)</c>).</summary>
    public static readonly TimeSpan PracticalReplyTimeout = TimeSpan.FromMilliseconds(500);
}
