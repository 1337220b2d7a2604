namespace Kiosk.Protocols.Tags;

/// <summary>One decoded element as a technician reads it.</summary>
/// <param name="Name">The element's name, such as "primary item id" or "set information".</param>
/// <param name="Value">The decoded value.</param>
/// <param name="Detail">Where and how it was stored, such as "OID 1, integer, 5 bytes at byte 0".</param>
public sealed record TagElement(string Name, string Value, string Detail);
