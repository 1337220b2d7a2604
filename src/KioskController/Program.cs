using KioskController;

var builder = WebApplication.CreateBuilder(args);
builder.AddKiosk();

var app = builder.Build();
app.UseKiosk();
await app.RunAsync().ConfigureAwait(false);
