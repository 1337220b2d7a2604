namespace KioskController.Hosting.WebSurface;

/// <summary>Puts <see cref="SecurityHeaders"/> outside everything else, so that host filtering's 400 carries them too.</summary>
internal sealed class SecurityHeadersStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseSecurityHeaders();
        next(app);
    };
}
