namespace KioskController.Api.Session;

/// <summary>POST /api/session/scan-item and /api/session/renew.</summary>
internal sealed record ItemRequest(string? ItemId);
