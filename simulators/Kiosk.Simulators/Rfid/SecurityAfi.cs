namespace Kiosk.Simulators.Rfid;

/// <summary>
/// The AFI values a site uses for security. Sites differ: 0x07 secured and
/// 0xC2 on loan are common; 3M gates in some countries use 0xD7 and 0xDA.
/// </summary>
/// <param name="Secured">The AFI of an item in the library: the gate alarms.</param>
/// <param name="NotSecured">The AFI of an item on loan: the gate stays quiet.</param>
public readonly record struct SecurityAfi(byte Secured, byte NotSecured)
{
    /// <summary>0x07 secured, 0xC2 on loan.</summary>
    public static SecurityAfi Common { get; } = new(0x07, 0xC2);

    /// <summary>0xD7 secured, 0xDA not secured, as 3M gates in some countries expect.</summary>
    public static SecurityAfi ThreeM { get; } = new(0xD7, 0xDA);
}
