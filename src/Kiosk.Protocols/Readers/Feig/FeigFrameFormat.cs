namespace Kiosk.Protocols.Readers.Feig;

/// <summary>Which of the two frame layouts a FEIG frame uses (ID CPR manual §3.1, p.18–19).</summary>
public enum FeigFrameFormat
{
    /// <summary><c>LEN ADR CMD [STATUS] DATA CRC_LSB CRC_MSB</c>; LEN (6–255) counts the whole frame.</summary>
    Standard,

    /// <summary>
    /// <c>02 LEN_MSB LEN_LSB ADR CMD [STATUS] DATA CRC_LSB CRC_MSB</c> ("Advanced Protocol-Length"), for frames over
    /// 255 bytes; ALENGTH (8–65535) counts the whole frame. The ID CPR manual shows it only from reader to host.
    /// </summary>
    Advanced,
}
