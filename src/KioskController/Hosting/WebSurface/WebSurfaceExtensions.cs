using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HostFiltering;

namespace KioskController.Hosting.WebSurface;

/// <summary>
/// What keeps the kiosk's web surface to the kiosk's own browser on a library's network: the Host allow-list, the
/// same-origin rule for state-changing requests, security headers, no Server header, and a rate limit on staff codes.
/// </summary>
internal static class WebSurfaceExtensions
{
    /// <summary>The rate-limiting policy of the endpoints that take the staff code.</summary>
    public const string StaffCodePolicy = "staff-code";

    /// <summary>The Host names always accepted: the kiosk's own browser on this machine.</summary>
    public static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    public static WebApplicationBuilder AddKioskWebSurface(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        // ASP.NET Core's host filtering, already in the pipeline, reads this list instead of the top-level AllowedHosts.
        var configured = (builder.Configuration[$"{KioskOptions.SectionName}:{nameof(KioskOptions.AllowedHosts)}"] ?? string.Empty)
            .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        services.Configure<HostFilteringOptions>(filtering => filtering.AllowedHosts = [.. LoopbackHosts, .. configured]);
        services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter, SecurityHeadersStartupFilter>());

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (rejected, cancellationToken) => new ValueTask(rejected.HttpContext.Response.WriteAsJsonAsync(
                new { reason = "rateLimited", message = "Too many staff code attempts from this address; wait a minute." }, cancellationToken));
            // Staff type a code a few times a minute at most; a script trying codes is slowed on top of the lockout.
            limiter.AddPolicy(StaffCodePolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? string.Empty,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return builder;
    }

    public static WebApplication UseKioskWebSurface(this WebApplication app)
    {
        app.UseSameOriginGuard();
        app.UseRateLimiter();
        return app;
    }
}
