namespace Kioskctl.Commands;

/// <summary>One identified field as <c>kioskctl decode sip2</c> shows it: secrets already masked.</summary>
/// <param name="Id">The two-character identifier, such as AO.</param>
/// <param name="Name">The spec's name for it, or "unknown (extension)".</param>
/// <param name="Value">The value, or <c>****</c> for a password.</param>
internal sealed record Sip2ExplainedField(string Id, string Name, string Value);
