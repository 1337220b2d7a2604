using Kiosk.Events.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kiosk.Events.Tests.Support;

/// <summary>A generic host running only the events pipeline (and, if asked, the embedded broker), configured like a kiosk.</summary>
internal sealed class EventsHost : IAsyncDisposable
{
    private readonly IHost _host;

    private readonly bool _ownsDirectory;

    private EventsHost(IHost host, string directory, bool ownsDirectory)
    {
        _host = host;
        Directory = directory;
        _ownsDirectory = ownsDirectory;
    }

    public IServiceProvider Services => _host.Services;

    public string Directory { get; }

    public static async Task<EventsHost> StartAsync(IDictionary<string, string?> settings, Action<IServiceCollection>? configure = null, string? directory = null)
    {
        var ownsDirectory = directory is null;
        directory ??= System.IO.Directory.CreateTempSubdirectory("kiosk-events-").FullName;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kiosk:Events:Outbox:Path"] = Path.Combine(directory, "outbox.db"),
            ["Kiosk:Events:Mqtt:ReconnectMinDelay"] = "00:00:00.050",
            ["Kiosk:Events:Mqtt:ReconnectMaxDelay"] = "00:00:00.500",
            ["Kiosk:Events:Mqtt:Timeout"] = "00:00:05",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddKioskEmbeddedBroker(builder.Configuration.GetSection("Kiosk:EmbeddedBroker"));
        builder.Services.AddKioskEvents(builder.Configuration.GetSection("Kiosk:Events"));
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            if (ownsDirectory)
            {
                System.IO.Directory.Delete(directory, true);
            }

            throw;
        }

        return new EventsHost(host, directory, ownsDirectory);
    }

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        if (_ownsDirectory)
        {
            System.IO.Directory.Delete(Directory, true);
        }
    }
}
