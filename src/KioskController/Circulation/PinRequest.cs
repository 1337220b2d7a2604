namespace KioskController.Circulation;

/// <summary>POST /api/session/pin.</summary>
internal sealed record PinRequest(string? Pin);
