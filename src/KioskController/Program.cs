using KioskController;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddKiosk();

    var app = builder.Build();
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
