using Kiosk.Simulators.Ils;
using Microsoft.Extensions.Logging;

namespace Kiosk.Ils.Tests.Support;

/// <summary>A fresh ILS simulator on a loopback port, and a client pointed at it, for one test.</summary>
internal sealed class IlsFixture : IAsyncDisposable
{
    private readonly List<Sip2Client> _clients = [];

    private IlsFixture(IlsSimulator simulator, IlsSimulatorOptions options, RecordingLoggerProvider logs)
    {
        Simulator = simulator;
        Options = options;
        Logs = logs;
    }

    public IlsSimulator Simulator { get; }

    public IlsSimulatorOptions Options { get; }

    /// <summary>Every log line of the client and the simulator, for the privacy checks.</summary>
    public RecordingLoggerProvider Logs { get; }

    public static async Task<IlsFixture> StartAsync(Action<IlsSimulatorOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new IlsSimulatorOptions { Port = 0 };
        configure?.Invoke(options);
        var logs = new RecordingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var simulator = new IlsSimulator(options, factory.CreateLogger<IlsSimulator>(), time);
        await simulator.StartAsync(CancellationToken.None);
        return new IlsFixture(simulator, options, logs);
    }

    public Sip2ClientOptions ClientOptions(Action<Sip2ClientOptions>? configure = null)
    {
        var options = new Sip2ClientOptions
        {
            Host = "127.0.0.1",
            Port = Simulator.Port,
            UserId = Options.LoginUserId,
            Password = Options.LoginPassword,
            InstitutionId = Options.InstitutionId,
            LocationCode = "KIOSK-01",
            Charset = Options.Charset,
            RequestTimeout = TimeSpan.FromSeconds(5),
        };
        configure?.Invoke(options);
        return options;
    }

    public Sip2Client Client(Action<Sip2ClientOptions>? configure = null, TimeProvider? time = null)
    {
        using var factory = LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        var client = new Sip2Client(ClientOptions(configure), factory.CreateLogger<Sip2Client>(), time);
        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        await Simulator.DisposeAsync();

        // A simulator that failed inside would look like a network drop to the client; no test may pass that way.
        Assert.Equal(0, Simulator.HandlerCrashes);
    }
}
