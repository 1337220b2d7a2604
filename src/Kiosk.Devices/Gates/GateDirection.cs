namespace Kiosk.Devices.Gates;

/// <summary>Which way a person went through the gate, from the order the beams broke.</summary>
public enum GateDirection
{
    /// <summary>No passage in progress, or one whose direction is not known yet.</summary>
    Unknown,

    /// <summary>Into the library: the outer (street-side) beam first.</summary>
    In,

    /// <summary>Out of the library: the inner beam first.</summary>
    Out,
}
