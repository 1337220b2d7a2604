namespace KioskController.Api.Session;

/// <summary>POST /api/session/sign-in: a card number, and how it was given (typed, barcode, rfidCard).</summary>
internal sealed record SignInRequest(string? Card, string? Method);
