namespace Kiosk.Ils;

/// <summary>How many SIP2 connections the pool may use, and why fewer than configured when it shrank.</summary>
/// <param name="Configured">The configured pool size (Kiosk:Sip2:PoolSize).</param>
/// <param name="Effective">How many connections the pool uses now: fewer than configured when the ILS would not log more in.</param>
/// <param name="Open">How many connections are open now.</param>
/// <param name="Reason">Why the pool shrank, in words a technician can act on; null while it has its configured size.</param>
public sealed record Sip2PoolStatus(int Configured, int Effective, int Open, string? Reason);
