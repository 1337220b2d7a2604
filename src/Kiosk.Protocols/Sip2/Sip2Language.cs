namespace Kiosk.Protocols.Sip2;

/// <summary>
/// The 3-digit language code (spec, "language"). The list stops at 027; Vietnamese has no code, so a Vietnamese kiosk
/// sends <see cref="Unknown"/> and lets the ILS use its default.
/// </summary>
public enum Sip2Language
{
    Unknown = 0,
    English = 1,
    French = 2,
    German = 3,
    Italian = 4,
    Dutch = 5,
    Swedish = 6,
    Finnish = 7,
    Spanish = 8,
    Danish = 9,
    Portuguese = 10,
    CanadianFrench = 11,
    Norwegian = 12,
    Hebrew = 13,
    Japanese = 14,
    Russian = 15,
    Arabic = 16,
    Polish = 17,
    Greek = 18,
    Chinese = 19,
    Korean = 20,
    NorthAmericanSpanish = 21,
    Tamil = 22,
    Malay = 23,
    UnitedKingdom = 24,
    Icelandic = 25,
    Belgian = 26,
    Taiwanese = 27,
}
