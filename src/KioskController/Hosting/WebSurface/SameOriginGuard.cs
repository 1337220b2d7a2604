using Microsoft.Net.Http.Headers;

namespace KioskController.Hosting.WebSurface;

/// <summary>
/// Refuses a state-changing request (POST, PUT, PATCH, DELETE) that another site's page sent: its <c>Origin</c> names another
/// origin (RFC 6454 §7), or its <c>Sec-Fetch-Site</c> says cross-site or same-site (Fetch Metadata,
/// https://www.w3.org/TR/fetch-metadata/). A body must be JSON, which a page elsewhere cannot send without a CORS preflight
/// the kiosk never grants; the simulator panel's text endpoints (<c>/sim/api/*</c>) keep plain text for scripts such as
/// curl, which send neither header.
/// </summary>
internal static class SameOriginGuard
{
    public static IApplicationBuilder UseSameOriginGuard(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var request = context.Request;
        if (!(HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method)
            || HttpMethods.IsDelete(request.Method)))
        {
            return next(context);
        }

        if (!IsSameOrigin(request))
        {
            return Refuse(context, StatusCodes.Status403Forbidden, "crossOrigin",
                "A state-changing request must come from the kiosk's own pages (Origin and Sec-Fetch-Site say it did not).");
        }

        if (HasBody(request) && !IsJson(request) && !request.Path.StartsWithSegments("/sim/api", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(context, StatusCodes.Status415UnsupportedMediaType, "jsonRequired",
                "The body must be JSON: send Content-Type: application/json.");
        }

        return next(context);
    });

    private static bool IsSameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin;
        if (origin.Count > 0)
        {
            // "null" (a sandboxed frame, a file: page) is never the kiosk.
            var own = $"{request.Scheme}://{request.Host.Value}";
            if (origin.Count != 1 || !string.Equals(origin[0], own, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        var site = request.Headers["Sec-Fetch-Site"];
        return site.Count == 0 || site[0] is "same-origin" or "none";
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);

    private static bool IsJson(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private static Task Refuse(HttpContext context, int status, string reason, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { reason, message });
    }
}
