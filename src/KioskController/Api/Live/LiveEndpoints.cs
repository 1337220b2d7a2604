
namespace KioskController.Api.Live;

/// <summary><c>GET /api/stream</c>: server-sent events for the kiosk's screen.</summary>
internal static class LiveEndpoints
{
    /// <summary>A comment line this often keeps idle proxies open and finds screens that went away.</summary>
    private static readonly TimeSpan s_keepAlive = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapLiveUpdates(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/stream", async (HttpContext context, LiveUpdates live, KioskStatusProvider status) =>
        {
            var response = context.Response;
            response.Headers.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache";
            response.Headers["X-Accel-Buffering"] = "no";
            var aborted = context.RequestAborted;
            using var subscription = live.Subscribe();

            // The browser's EventSource reconnects after this many milliseconds; the first event is the whole status.
            await response.WriteAsync("retry: 2000\n\n", aborted).ConfigureAwait(false);
            await WriteAsync(response, LiveUpdates.Create("status", status.Current()), aborted).ConfigureAwait(false);
            try
            {
                while (!aborted.IsCancellationRequested)
                {
                    using var keepAlive = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                    keepAlive.CancelAfter(s_keepAlive);
                    try
                    {
                        if (!await subscription.Reader.WaitToReadAsync(keepAlive.Token).ConfigureAwait(false))
                        {
                            return;
                        }

                        while (subscription.Reader.TryRead(out var next))
                        {
                            await WriteAsync(response, next, aborted).ConfigureAwait(false);
                        }
                    }
                    catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
                    {
                        await response.WriteAsync(": keep-alive\n\n", aborted).ConfigureAwait(false);
                        await response.Body.FlushAsync(aborted).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (aborted.IsCancellationRequested)
            {
                // The screen closed the stream.
            }
        });
        return endpoints;
    }

    private static async Task WriteAsync(HttpResponse response, LiveEvent live, CancellationToken cancellationToken)
    {
        await response.WriteAsync($"event: {live.Type}\ndata: {live.Json}\n\n", cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
