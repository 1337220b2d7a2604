namespace Kiosk.Protocols.Sip2;

/// <summary>Raised inside the codec when a frame breaks the layout; the decoder turns it into a <see cref="Sip2DecodeError"/>.</summary>
internal sealed class Sip2FormatException(int position, string reason) : Exception(reason)
{
    public int Position { get; } = position;
}
