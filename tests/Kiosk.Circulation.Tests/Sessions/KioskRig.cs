using System.IO.Ports;
using Kiosk.Circulation.Availability;
using Kiosk.Circulation.DomainEvents;
using Kiosk.Circulation.Pad;
using Kiosk.Circulation.Security;
using Kiosk.Circulation.Sessions;
using Kiosk.Devices.Rfid;
using Kiosk.Devices.Transports;
using Kiosk.Ils;
using Kiosk.Ils.Tests.Support;
using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Readers.Feig;
using Kiosk.Simulators.Ils;
using Kiosk.Simulators.Rfid;
using Kiosk.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Circulation.Tests.Sessions;

/// <summary>
/// A whole kiosk against real peers: the ILS simulator over TCP, the FEIG reader simulator on a real pty driven by the
/// real reader service, a SQLite file for the journal and the queue, and the kiosk on a <see cref="FakeTimeProvider"/>
/// (the reader polls on the real clock, as it must over a pty).
/// </summary>
internal sealed class KioskRig : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly CancellationTokenSource _stopping = new();
    private readonly List<KioskUnderTest> _kiosks = [];
    private Task _pump = Task.CompletedTask;
    private int _ilsPort;

    private KioskRig(IlsFixture ils, PseudoTerminalReaderSimulator reader, RfidReaderService pad, string databasePath)
    {
        Ils = ils;
        ReaderSimulator = reader;
        Pad = pad;
        DatabasePath = databasePath;
    }

    public IlsFixture Ils { get; }

    public IlsLibrary Library => Ils.Simulator.Library;

    public PseudoTerminalReaderSimulator ReaderSimulator { get; }

    public RfidField Field => ReaderSimulator.Field;

    public RfidReaderService Pad { get; }

    public string DatabasePath { get; }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public RecordingEventSink Events { get; } = new();

    public RecordingLoggerProvider Logs => Ils.Logs;

    public Sip2Client Client { get; private set; } = null!;

    public KioskUnderTest Kiosk { get; private set; } = null!;

    public SqliteSecurityJournal Journal { get; private set; } = null!;

    public SqliteOfflineTransactionStore Queue { get; private set; } = null!;

    /// <summary>Starts the rig.</summary>
    /// <param name="configure">The kiosk's circulation options.</param>
    /// <param name="configureClient">The SIP2 client's options, after the rig's own.</param>
    /// <param name="clientTime">The SIP2 client's clock, when its timeouts must run out on their own; the kiosk's fake one by default.</param>
    public static async Task<KioskRig> StartAsync(
        Action<CirculationOptions>? configure = null, Action<Sip2ClientOptions>? configureClient = null, TimeProvider? clientTime = null)
    {
        var ils = await IlsFixture.StartAsync();
        var simulator = new FeigReaderSimulator(new RfidField(1), new FeigReaderSimulatorOptions());
        simulator.Plug();
        var profile = new RfidReaderProfile
        {
            Name = "pad",
            Protocol = RfidReaderProtocol.Feig,
            Port = simulator.PortPath,
            BaudRate = FeigTiming.DefaultBaudRate,
            Parity = Parity.Even,
            Antennas = [1],
            PollInterval = TimeSpan.FromMilliseconds(30),
            SecuredAfi = SecurityAfi.Common.Secured,
            LoanedAfi = SecurityAfi.Common.NotSecured,
        };
        var pad = new RfidReaderService(
            profile,
            new SerialPortTransport(RfidReaderFactory.CreateTransportOptions(profile)),
            new TagPresenceOptions { ArrivalConfirmations = 1, DepartureGrace = TimeSpan.Zero },
            new SerialSupervisorOptions { ReconnectMinDelay = TimeSpan.FromMilliseconds(20), ReconnectMaxDelay = TimeSpan.FromMilliseconds(100) },
            TimeProvider.System);
        var path = Path.Combine(Path.GetTempPath(), "kiosk-circulation-test-" + Guid.NewGuid().ToString("N") + ".db");
        var rig = new KioskRig(ils, simulator, pad, path);
        rig.Client = ils.Client(
            o =>
            {
                o.ReconnectMinDelay = TimeSpan.FromSeconds(1);
                configureClient?.Invoke(o);
            },
            clientTime ?? rig.Time);
        rig.Kiosk = rig.NewKiosk(configure);
        await pad.StartAsync();
        rig._pump = rig.PumpAsync(rig._stopping.Token);
        await WaitUntilAsync(() => pad.LinkState == SerialLinkState.Connected, "the pad's reader to connect");
        return rig;
    }

    /// <summary>A kiosk on this rig's peers and SQLite file, as a restarted process would make it; events go to <see cref="Events"/>.</summary>
    public KioskUnderTest NewKiosk(Action<CirculationOptions>? configure = null)
    {
        var database = new SqliteDatabase(DatabasePath);
        Journal = new SqliteSecurityJournal(database, Time);
        Queue = new SqliteOfflineTransactionStore(database);
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace))
            .AddSingleton<TimeProvider>(Time)
            .AddSingleton<ISip2Client>(Client)
            .AddKeyedSingleton<IRfidReader>(PadModel.ReaderKey, Pad)
            .AddSingleton<ISecurityJournal>(Journal)
            .AddSingleton<IOfflineTransactionStore>(Queue)
            .AddSingleton<ICirculationEventSink>(Events)
            .AddCirculationKiosk(options =>
            {
                options.PinRequirement = PinRequirement.Always;
                options.IdleWarningAfter = TimeSpan.FromSeconds(60);
                options.IdleGrace = TimeSpan.FromSeconds(20);
                configure?.Invoke(options);
            });
        var kiosk = new KioskUnderTest(services.BuildServiceProvider());
        _kiosks.Add(kiosk);
        Kiosk = kiosk;
        return kiosk;
    }

    /// <summary>Places tags for items on the pad and waits until the kiosk lists each with every placed part and its title.</summary>
    public async Task<IReadOnlyList<SimulatedTag>> PlaceAsync(params (string ItemId, int Parts, int[] PartNumbers)[] items)
    {
        var tags = new List<SimulatedTag>();
        foreach (var (itemId, parts, numbers) in items)
        {
            foreach (var part in numbers)
            {
                var onLoan = Library.FindItem(itemId)?.IsOnLoan ?? false;
                var tag = LibraryTagFactory.CreateItem(itemId, "VN-HN-TVHN", parts, part, secured: !onLoan);
                Field.Place(tag);
                tags.Add(tag);
            }
        }

        foreach (var (itemId, _, numbers) in items)
        {
            await WaitUntilAsync(
                () => Kiosk.Snapshot.Items.Any(i => i.ItemId == itemId && numbers.All(i.PartsPresent.Contains) && i.Title is not null),
                $"{itemId} to be listed with its title");
        }

        return tags;
    }

    public Task PlaceAsync(string itemId) => PlaceAsync((itemId, 1, [1]));

    public async Task<SignInResult> SignInWithPinAsync(string card, string pin)
    {
        var first = await Kiosk.SignInAsync(card, SignInMethod.Barcode);
        return first.Status == SignInStatus.PinRequired ? await Kiosk.SubmitPinAsync(pin) : first;
    }

    /// <summary>Cuts the ILS: the simulator stops listening, and the kiosk learns it at its next request.</summary>
    public async Task CutIlsAsync()
    {
        _ilsPort = Ils.Simulator.Port;
        await Ils.Simulator.StopAsync();
    }

    /// <summary>
    /// Brings the ILS back on its port, and moves the fake clock on until the kiosk's probe has found it and its replay
    /// has emptied the queue (a first replay can stop on a pooled connection the old ILS left stale; the next probe retries).
    /// </summary>
    public async Task RestoreIlsAsync()
    {
        await RestartIlsAsync();
        await WaitForReplayAsync();
    }

    /// <summary>Starts the cut ILS again on its port, nothing more.</summary>
    public Task RestartIlsAsync()
    {
        Ils.Options.Port = _ilsPort;
        return Ils.Simulator.StartAsync();
    }

    /// <summary>Moves the fake clock on until the kiosk reaches the ILS and its queue is empty.</summary>
    public async Task WaitForReplayAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!(Kiosk.Snapshot.IlsReachable && Kiosk.LastReplay.IsCompleted && (await Queue.PendingAsync()).Count == 0))
        {
            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"Waited {Patience.TotalSeconds} s for the kiosk to find the ILS back and replay its queue.");
            }

            // Past the client's reconnect backoff and the kiosk's probe interval, on the fake clock; the real wait only
            // lets the probe's requests cross the loopback.
            Time.Advance(TimeSpan.FromSeconds(5));
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10), timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Checked once more at the top, then the wait fails with its reason.
            }
        }
    }

    /// <summary>Whether the tag's AFI says secured, read from the simulated tag itself.</summary>
    public static bool IsSecured(SimulatedTag tag) => tag.Afi == SecurityAfi.Common.Secured;

    public static Task WaitUntilAsync(Func<bool> condition, string what) => WaitUntilAsync(() => Task.FromResult(condition()), what);

    /// <summary>Waits until <paramref name="condition"/> holds, for at most <see cref="Patience"/>.</summary>
    public static Task WaitUntilAsync(Func<Task<bool>> condition, string what) => global::Kiosk.Ils.Tests.Support.Wait.UntilAsync(condition, what);

    /// <summary>Asserts that no log line and no event carries <paramref name="secrets"/> (card numbers, PINs).</summary>
    public void AssertNothingLeaks(params string[] secrets)
    {
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(Events.Events, e => e.ToString().Contains(secret, StringComparison.Ordinal));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        foreach (var kiosk in _kiosks)
        {
            kiosk.Dispose();
        }

        await Pad.DisposeAsync();
        try
        {
            await _pump;
        }
        catch (OperationCanceledException)
        {
        }

        await ReaderSimulator.DisposeAsync();
        await Ils.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" })
        {
            File.Delete(file);
        }

        _stopping.Dispose();
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        // As the host's pad monitor does: forward the reader's events, in order, to the kiosk of the moment.
        await foreach (var change in Pad.Events.ReadAllAsync(cancellationToken))
        {
            try
            {
                await Kiosk.HandleReaderEventAsync(change, cancellationToken);
            }
            catch (SimulatedCrashException)
            {
                // A crash test's kiosk died mid-switch while completing a book that came back; the next kiosk takes over.
            }
        }
    }
}
