namespace Kiosk.Circulation.DomainEvents;

/// <summary>A card that waited for its PIN was withdrawn (idle timeout, too many wrong PINs): the PIN screen goes home.</summary>
/// <param name="At">When.</param>
public sealed record PinPromptWithdrawn(DateTimeOffset At) : CirculationEvent(At);
