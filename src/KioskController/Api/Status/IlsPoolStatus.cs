namespace KioskController.Api.Status;

/// <summary>The SIP2 connection pool as the status page shows it.</summary>
/// <param name="Configured">Kiosk:Sip2:PoolSize.</param>
/// <param name="Effective">How many connections the pool uses now: fewer when the ILS would not log more in.</param>
/// <param name="Open">How many connections are open now.</param>
/// <param name="Reason">Why the pool shrank and what to set; null while it has its configured size.</param>
public sealed record IlsPoolStatus(int Configured, int Effective, int Open, string? Reason);
