namespace Kiosk.Protocols.Sip2;

/// <summary>The kind of hold (spec, "hold type", 1 digit).</summary>
public enum Sip2HoldType
{
    Other = 1,
    AnyCopyOfTitle = 2,
    SpecificCopy = 3,
    AnyCopyAtBranch = 4,
}
