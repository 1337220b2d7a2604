namespace Kiosk.Protocols.Sip2;

/// <summary>Why a frame could not be decoded, and where.</summary>
/// <param name="Position">The character position in the frame (0 is the first character of the command).</param>
/// <param name="Reason">What was wrong and what was expected, in words a technician can act on.</param>
public sealed record Sip2DecodeError(int Position, string Reason)
{
    /// <inheritdoc/>
    public override string ToString() => $"at position {Position}: {Reason}";
}
