using KioskController;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddKiosk();

    var app = builder.Build();

    // The settings are checked before UseKiosk resolves the screen's services, which load the reader profiles: a bad
    // folder is then a line naming its key, not a crash in a constructor.
    app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
    app.UseKiosk();
    await app.RunAsync().ConfigureAwait(false);
    return 0;
}
catch (Exception ex) when (ConfigurationErrorReport.TryDescribe(ex, out var report))
{
    // A technician's mistake, not a crash: say what to change, without a stack trace.
    await Console.Error.WriteAsync(report).ConfigureAwait(false);
    return ConfigurationErrorReport.ExitCode;
}
