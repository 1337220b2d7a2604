var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls(builder.Configuration["Kiosk:Urls"] ?? "http://127.0.0.1:5080");
var app = builder.Build();
app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
app.Run();
