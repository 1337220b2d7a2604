namespace KioskController.Hosting.WebSurface;

/// <summary>
/// The headers every answer carries. The UI loads its scripts, styles, pictures and sounds from itself only and has no
/// inline script or style, so the policy is 'self' throughout; no page may be framed (clickjacking at the staff screen).
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>CSP Level 3 (https://www.w3.org/TR/CSP3/): same origin only; no plugins, no base rewriting, no framing.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
        + "media-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            // frame-ancestors supersedes it in current browsers; X-Frame-Options covers those that predate CSP 2 (RFC 7034).
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    });
}
