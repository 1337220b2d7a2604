namespace KioskController.Api.Session;

/// <summary>POST /api/session/borrow, /return, /renew-all and /receipt: the screen's language, for the receipt.</summary>
internal sealed record TransactionRequest(string? Lang);
