namespace Kiosk.Devices.Rfid;

/// <summary>
/// A reader that can ask every tag in an antenna's field for the NXP ICODE SLIX EAS alarm at once: the gate's poll
/// where the site marks security with the EAS bit instead of the AFI. The FEIG driver offers it; the 3M 810 protocol
/// has no EAS command.
/// </summary>
public interface IRfidEasAlarm
{
    /// <summary>True when some tag with its EAS bit set answered on <paramref name="antenna"/>.</summary>
    /// <exception cref="RfidReaderException">The reader did not answer, or answered with an error.</exception>
    Task<bool> EasAlarmAsync(int antenna, CancellationToken cancellationToken = default);
}
