using KioskController;

try
{
    // The application's own folder, not the current one: a kiosk started by systemd, a script or a technician from any
    // folder finds its appsettings.json and its screen (wwwroot is copied beside the build output).
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.AddKiosk();

    await using var app = builder.Build();

    // The settings are checked before UseKiosk resolves the screen's services, which load the reader profiles: a bad
    // folder is then a line naming its key, not a crash in a constructor.
    app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
    app.UseKiosk();
    try
    {
        await app.StartAsync().ConfigureAwait(false);
    }
    catch (Exception ex) when (ConfigurationErrorReport.TryDescribe(ex, out _))
    {
        // A mistake found late (a taken port) finds services already running: stopping them ends their work as a stop,
        // where disposing a host that never stopped would log each one's cancellation as a failure, stack trace and all.
        try
        {
            await app.StopAsync().ConfigureAwait(false);
        }
        catch (ArgumentNullException)
        {
            // The hosted services were never built (the mistake was found building them), and Host.StopAsync reverses
            // their missing list: there is nothing to stop.
        }

        throw;
    }

    await app.WaitForShutdownAsync().ConfigureAwait(false);
    return 0;
}
catch (Exception ex) when (ConfigurationErrorReport.TryDescribe(ex, out var report))
{
    // A technician's mistake, not a crash: say what to change, without a stack trace.
    await Console.Error.WriteAsync(report).ConfigureAwait(false);
    return ConfigurationErrorReport.ExitCode;
}
