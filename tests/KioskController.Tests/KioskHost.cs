using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

using KioskController.Hosting;

namespace KioskController.Tests;

/// <summary>The real kiosk host (Kestrel, the embedded ILS simulator, the SIP2 client) on free loopback ports.</summary>
internal sealed class KioskHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KioskHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Http = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<KioskHost> StartAsync(params string[] settings)
    {
        // A run without simulators keeps its outbox in the working folder by default; tests running side by side would
        // share it (and its lock), so each gets its own unless the test names one.
        string[] outbox = settings.Any(s => s.StartsWith("--Kiosk:Events:Outbox:Path=", StringComparison.Ordinal))
            ? []
            : [$"--Kiosk:Events:Outbox:Path={Path.Combine(Path.GetTempPath(), $"kiosk-test-events-{Guid.NewGuid():N}.db")}"];
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = Path.Combine(RepositoryRoot(), "src", "KioskController"),
            EnvironmentName = "Development",
            Args = ["--Kiosk:Urls=http://127.0.0.1:0", "--Kiosk:Simulators:IlsPort=0", .. outbox, .. settings],
        });
        builder.AddKiosk();
        var app = builder.Build();
        app.UseKiosk();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            // A host that failed to start still holds what it built (the outbox's lock among them).
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new KioskHost(app, new Uri(address));
    }

    /// <summary>Polls <c>/api/status</c>, as the technician's page does, until <paramref name="condition"/> holds; 60 s caps it.</summary>
    public async Task<System.Text.Json.JsonElement> WaitForStatusAsync(Func<System.Text.Json.JsonElement, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var last = default(System.Text.Json.JsonElement);
        try
        {
            while (true)
            {
                using var document = System.Text.Json.JsonDocument.Parse(await Http.GetStringAsync(new Uri("/api/status", UriKind.Relative), timeout.Token));
                last = document.RootElement.Clone();
                if (condition(last))
                {
                    return last;
                }

                // The token bounds the wait; each round ends as soon as the status answers.
                await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"/api/status did not reach the state waited for within 60 s; last: {last}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>
    /// How to start the built kiosk as its own process (<c>dotnet KioskController.dll</c> in its project folder, output
    /// redirected), for tests that kill it or read its exit code. It was built in this test assembly's configuration.
    /// </summary>
    public static System.Diagnostics.ProcessStartInfo ProcessStart(params string[] arguments)
    {
        var root = RepositoryRoot();
        var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd('/'))!);
        var dll = Path.Combine(root, "src", "KioskController", "bin", configuration, "net10.0", "KioskController.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing; build the solution first.");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(root, "src", "KioskController"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KioskController.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("KioskController.sln not found above the test's folder.");
    }
}
