using System.Globalization;
using Kiosk.Events.Hosting;
using Kiosk.Events.Model;
using Kiosk.Events.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Usage: Kiosk.Events.TestPublisher --append N [--Kiosk:Events:…=…]. Starts the events pipeline, appends N numbered
// checkout events, prints "appended N" once every one is committed, then publishes until killed.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddKioskEvents(builder.Configuration.GetSection("Kiosk:Events"));
using var host = builder.Build();
await host.StartAsync();
var count = int.Parse(builder.Configuration["append"] ?? "0", CultureInfo.InvariantCulture);
var outbox = host.Services.GetRequiredService<IEventOutbox>();
for (var number = 1; number <= count; number++)
{
    await outbox.AppendAsync(new ItemCheckedOutData("child", number.ToString("D6", CultureInfo.InvariantCulture), null, null, null));
}

Console.WriteLine($"appended {count}");
Console.Out.Flush();
await host.WaitForShutdownAsync();
