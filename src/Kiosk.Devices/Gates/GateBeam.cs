namespace Kiosk.Devices.Gates;

/// <summary>The gate's two infrared beams.</summary>
public enum GateBeam
{
    /// <summary>The street-side beam.</summary>
    Outer,

    /// <summary>The library-side beam.</summary>
    Inner,
}
