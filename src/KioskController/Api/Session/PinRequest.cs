namespace KioskController.Api.Session;

/// <summary>POST /api/session/pin.</summary>
internal sealed record PinRequest(string? Pin);
