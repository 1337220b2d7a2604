using Kiosk.Circulation.Sip2;
using Kiosk.Simulators.Ils;
using Microsoft.Extensions.Logging;

namespace Kiosk.Circulation.Tests.Sip2;

/// <summary>A fresh ILS simulator on a loopback port, and a client pointed at it, for one test.</summary>
internal sealed class IlsFixture : IAsyncDisposable
{
    private readonly List<Sip2Client> _clients = [];

    private IlsFixture(IlsSimulator simulator, IlsSimulatorOptions options)
    {
        Simulator = simulator;
        Options = options;
    }

    public IlsSimulator Simulator { get; }

    public IlsSimulatorOptions Options { get; }

    public RecordingLoggerProvider Logs { get; } = new();

    public static async Task<IlsFixture> StartAsync(Action<IlsSimulatorOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new IlsSimulatorOptions { Port = 0 };
        configure?.Invoke(options);
        var simulator = new IlsSimulator(options, logger: null, timeProvider: time);
        await simulator.StartAsync(CancellationToken.None);
        return new IlsFixture(simulator, options);
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
    }
}
