namespace Kiosk.Protocols.Sip2;

/// <summary>One fixed-length field as it stood in a decoded frame, for display by diagnostic tools.</summary>
/// <param name="Name">The field's name in the specification, such as "transaction date".</param>
/// <param name="Position">The character position where the field starts.</param>
/// <param name="Text">The field's characters.</param>
/// <param name="Meaning">The value in words, such as "Y (yes)" or "2024-03-01 10:00:00 local".</param>
public sealed record Sip2FixedFieldValue(string Name, int Position, string Text, string Meaning);
