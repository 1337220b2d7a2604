using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Kiosk.Protocols.Tags;
using Kiosk.Simulators.Ils;
using Kiosk.Simulators.Rfid;
using Xunit.Abstractions;

namespace KioskController.Tests;

/// <summary>
/// The kiosk process is killed (SIGKILL) at random points during a checkout and during a return, then started again
/// on the same journal. The ILS simulator (TCP) and the reader simulator (pty) live in this test process, so they
/// survive the kill as a real ILS and real tags would. After each restart, every tag's security must agree with the
/// ILS: AFI "loaned" exactly when the ILS holds the item on loan (ARCHITECTURE.md, safety invariant).
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Kills = 3;
    private static readonly string[] s_books = [IlsSampleData.AvailableBook, IlsSampleData.SecondAvailableBook, IlsSampleData.ThirdAvailableBook];
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(60);

    private readonly string _directory = Directory.CreateTempSubdirectory("kiosk-crash-").FullName;
    private readonly RfidField _field = new();
    private readonly Dictionary<string, SimulatedTag> _tags = [];
    private IlsSimulator _ils = null!;
    private FeigReaderSimulator _reader = null!;

    public async Task InitializeAsync()
    {
        _ils = new IlsSimulator(new IlsSimulatorOptions { Port = 0 });
        await _ils.StartAsync();

        // Each ILS answer takes 150 ms, as over a province's WAN: most of a transaction is then spent waiting on the ILS
        // with its journal entry written, so kills spread over it land inside it even when a busy machine makes its
        // other steps slow and uneven (without it, a run at a load of 14 once saw no kill land inside).
        _ils.Faults.SetLatency(TimeSpan.FromMilliseconds(150));
        var link = Path.Combine(_directory, "pad.pty");
        _reader = new FeigReaderSimulator(_field, new FeigReaderSimulatorOptions { LinkPath = link });
        _reader.Plug();
        File.WriteAllText(Path.Combine(_directory, "pad.json"), JsonSerializer.Serialize(new
        {
            name = "pad",
            protocol = "Feig",
            port = link,
            baudRate = 38400,
            parity = "Even",
            antennas = new[] { 1 },
            pollInterval = "00:00:00.200",
            securityMode = "Afi",
            securedAfi = SecurityAfi.Common.Secured,
            loanedAfi = SecurityAfi.Common.NotSecured,
        }));
        foreach (var book in s_books)
        {
            var tag = LibraryTagFactory.CreateItem(book, "VN-HN-TVHN", secured: true, model: LibraryTagModel.Iso28560Part2, afi: SecurityAfi.Common);
            _tags[book] = tag;
            _field.Place(tag);
        }
    }

    public async Task DisposeAsync()
    {
        await _reader.DisposeAsync();
        await _ils.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Killed_at_random_points_of_checkouts_and_returns_the_kiosk_restarts_with_every_tag_agreeing_with_the_ILS()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        output.WriteLine($"seed {seed}");
        var kiosk = await KioskProcess.StartAsync(_directory, _ils.Port, output);
        try
        {
            // One uninterrupted loan and return to learn how long each takes on this machine.
            var loanTime = await BorrowAsync(kiosk);
            var returnTime = await ReturnAsync(kiosk);
            output.WriteLine($"a loan takes {loanTime.TotalMilliseconds:F0} ms, a return {returnTime.TotalMilliseconds:F0} ms");
            AssertAgree($"after a clean loan and return (seed {seed})");

            var recoveries = 0;
            for (var kill = 0; kill < Kills * 2; kill++)
            {
                var duringLoan = kill % 2 == 0;
                if (!duringLoan)
                {
                    await BorrowAsync(kiosk);
                }
                else
                {
                    await SignInAsync(kiosk);
                }

                output.WriteLine($"kill {kill}: during a {(duringLoan ? "loan" : "return")}");
                // Spread over the transaction's measured length, with jitter: early, middle and late kills of each kind.
                var slot = (kill / 2) + random.NextDouble();
                var at = TimeSpan.FromMilliseconds(slot / Kills * (duringLoan ? loanTime : returnTime).TotalMilliseconds);
                var command = duringLoan ? "11" : "09";
                var handled = _ils.HandledCount(command);
                var request = kiosk.Http.PostAsJsonAsync(new Uri(duringLoan ? "/api/session/borrow" : "/api/session/return", UriKind.Relative), new { lang = "vi" });
                if (kill < 2)
                {
                    // The first loan and the first return are killed as soon as the ILS has acted on one of their items,
                    // before the kiosk has switched that item's tag: inside the transaction on any machine, however busy.
                    at = await KillPointAsync(() => _ils.HandledCount(command) > handled);
                }
                else
                {
                    await Task.Delay(at);
                }

                kiosk.Kill();
                var cut = await WasCutByTheKillAsync(request, $"kill {kill} at {at.TotalMilliseconds:F0} ms (seed {seed})");
                output.WriteLine($"kill {kill}: the request was {(cut ? "cut by the kill" : "answered before it")}");
                await kiosk.DisposeAsync();

                // A pty whose slave was held by a SIGKILLed process refuses the next process's line settings (seen:
                // tcsetattr fails, the supervisor retries without end); a USB-serial reader is reset by its driver on
                // open. Plugging the simulated reader in again gives the restarted kiosk a fresh tty, tags unchanged.
                await _reader.UnplugAsync();
                _reader.Plug();
                kiosk = await KioskProcess.StartAsync(_directory, _ils.Port, output);
                recoveries += kiosk.Recovered;
                output.WriteLine($"kill {kill} at {at.TotalMilliseconds:F0} ms: {kiosk.Recovered} journal entries recovered");
                AssertAgree($"after a kill {at.TotalMilliseconds:F0} ms into a {(duringLoan ? "loan" : "return")} (seed {seed})");

                // Back to a known start: everything returned and secured.
                await ReturnAsync(kiosk);
                AssertAgree($"after returning everything following that kill (seed {seed})");
            }

            // The kills must have caught transactions mid-way, or this test proved nothing about the journal.
            Assert.True(recoveries > 0, $"No kill landed inside a transaction (seed {seed}); the journal was never replayed.");
        }
        finally
        {
            await kiosk.DisposeAsync();
        }
    }

    /// <summary>
    /// The request a kill lands on was either cut (the connection reset) or already answered with success. An error
    /// answer (409 busy, 503) would mean the transaction never ran, so the kill proved nothing: that fails the test.
    /// </summary>
    private static async Task<bool> WasCutByTheKillAsync(Task<HttpResponseMessage> request, string when)
    {
        try
        {
            using var response = await request;
            Assert.True(response.IsSuccessStatusCode, $"Before the {when}, the kiosk answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return false;
        }
        catch (HttpRequestException)
        {
            return true;
        }
    }

    private static async Task<TimeSpan> KillPointAsync(Func<bool> reached)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!reached())
        {
            // Polls the in-process ILS as tightly as the machine allows: the kill must land before the tag is switched.
            await Task.Yield();
            timeout.Token.ThrowIfCancellationRequested();
        }

        return waited.Elapsed;
    }

    private void AssertAgree(string when)
    {
        foreach (var (book, tag) in _tags)
        {
            var onLoan = _ils.Library.FindItem(book)!.BorrowerIdentifier is not null;
            var loaned = tag.Afi == SecurityAfi.Common.NotSecured;
            Assert.True(onLoan == loaned, $"{book} {when}: the ILS says {(onLoan ? "on loan" : "in the library")}, the tag's AFI is 0x{tag.Afi:X2}.");
        }
    }


    private async Task SignInAsync(KioskProcess kiosk)
    {
        (await kiosk.Http.PostAsJsonAsync(new Uri("/api/session/sign-in", UriKind.Relative), new { card = IlsSampleData.AdultPatron, method = "typed" })).EnsureSuccessStatusCode();
        (await kiosk.Http.PostAsJsonAsync(new Uri("/api/session/pin", UriKind.Relative), new { pin = IlsSampleData.AdultPin })).EnsureSuccessStatusCode();
        await WaitForItemsAsync(kiosk);
    }

    /// <summary>Signs in, lends the stack, signs out; returns how long the loan itself took.</summary>
    private async Task<TimeSpan> BorrowAsync(KioskProcess kiosk)
    {
        await SignInAsync(kiosk);
        var start = Stopwatch.GetTimestamp();
        (await kiosk.Http.PostAsJsonAsync(new Uri("/api/session/borrow", UriKind.Relative), new { lang = "vi" })).EnsureSuccessStatusCode();
        var took = Stopwatch.GetElapsedTime(start);
        (await kiosk.Http.PostAsync(new Uri("/api/session/end", UriKind.Relative), null)).EnsureSuccessStatusCode();
        return took;
    }

    /// <summary>Returns the stack with nobody signed in; returns how long the return itself took.</summary>
    private async Task<TimeSpan> ReturnAsync(KioskProcess kiosk)
    {
        await kiosk.Http.PostAsync(new Uri("/api/session/end", UriKind.Relative), null);
        await WaitForItemsAsync(kiosk);
        var start = Stopwatch.GetTimestamp();
        (await kiosk.Http.PostAsJsonAsync(new Uri("/api/session/return", UriKind.Relative), new { lang = "vi" })).EnsureSuccessStatusCode();
        return Stopwatch.GetElapsedTime(start);
    }

    /// <summary>The patron lifts the stack and lays it down again, so the kiosk sees the books arrive for this transaction.</summary>
    private async Task WaitForItemsAsync(KioskProcess kiosk)
    {
        _field.Clear();
        await WaitForItemCountAsync(kiosk, 0);
        foreach (var tag in _tags.Values)
        {
            _field.Place(tag);
        }

        await WaitForItemCountAsync(kiosk, s_books.Length);
    }

    private static async Task WaitForItemCountAsync(KioskProcess kiosk, int count)
    {
        using var timeout = new CancellationTokenSource(s_patience);
        var seen = -1;
        try
        {
            while (true)
            {
                using var session = JsonDocument.Parse(await kiosk.Http.GetStringAsync(new Uri("/api/session", UriKind.Relative), timeout.Token));
                seen = session.RootElement.GetProperty("items").GetArrayLength();
                if (seen == count)
                {
                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The kiosk listed {seen} items on the pad, not {count}, for {s_patience.TotalSeconds} s.");
        }
    }

    /// <summary>The real KioskController, as a child process, with its simulators off and pointed at this test's.</summary>
    private sealed class KioskProcess : IAsyncDisposable
    {
        private readonly Process _process;

        private KioskProcess(Process process, Uri address)
        {
            _process = process;
            Http = new HttpClient { BaseAddress = address, Timeout = s_patience };
        }

        public HttpClient Http { get; }

        /// <summary>How many journal entries the kiosk found left mid-way and settled at start.</summary>
        public int Recovered { get; private set; }

        public static async Task<KioskProcess> StartAsync(string directory, int ilsPort, ITestOutputHelper output)
        {
            var httpPort = FreePort();
            var start = KioskHost.ProcessStart(
                "--Kiosk:Simulators:Enabled=false",
                $"--Kiosk:Urls=http://127.0.0.1:{httpPort}",
                "--Kiosk:Sip2:Host=127.0.0.1", $"--Kiosk:Sip2:Port={ilsPort}", "--Kiosk:Sip2:UserId=kiosk", "--Kiosk:Sip2:Password=kiosk-password", "--Kiosk:Sip2:Charset=utf-8",
                $"--Kiosk:Rfid:ProfileDirectory={directory}",
                "--Kiosk:Staff:AccessCode=482916",
                $"--Kiosk:Storage:DatabasePath={Path.Combine(directory, "circulation.db")}",
                "--Kiosk:EmbeddedBroker:Port=0",
                $"--Kiosk:Events:Outbox:Path={Path.Combine(directory, "events.db")}",
                "--Logging:LogLevel:Default=Information");

            var process = new Process { StartInfo = start, EnableRaisingEvents = true };
            KioskProcess? kiosk = null;
            var recovered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            process.Exited += (_, _) =>
            {
                var exited = new InvalidOperationException($"The kiosk exited with code {process.ExitCode} before it finished starting.");
                recovered.TrySetException(exited);
                listening.TrySetException(exited);
            };
            process.OutputDataReceived += (_, line) =>
            {
                if (line.Data?.Contains("Security journal replayed", StringComparison.Ordinal) == true)
                {
                    // "Security journal replayed: N items brought to agree with the ILS"
                    var count = line.Data[(line.Data.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Split(' ')[0];
                    kiosk!.Recovered = int.Parse(count, System.Globalization.CultureInfo.InvariantCulture);
                    recovered.TrySetResult();
                }

                if (line.Data?.Contains("Application started", StringComparison.Ordinal) == true)
                {
                    listening.TrySetResult();
                }

                if (line.Data is { } text && (text.StartsWith("warn", StringComparison.Ordinal) || text.StartsWith("fail", StringComparison.Ordinal) || text.StartsWith("crit", StringComparison.Ordinal) || text.StartsWith("      ", StringComparison.Ordinal)))
                {
                    output.WriteLine("kiosk: " + text);
                }
            };
            process.ErrorDataReceived += (_, line) =>
            {
                if (!string.IsNullOrEmpty(line.Data))
                {
                    output.WriteLine("kiosk stderr: " + line.Data);
                }
            };
            kiosk = new KioskProcess(process, new Uri($"http://127.0.0.1:{httpPort}"));
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            // Started means: the web API listens, and the journal has been replayed against the ILS (logged once, at start).
            await Task.WhenAll(recovered.Task, listening.Task).WaitAsync(s_patience);
            return kiosk;
        }

        public void Kill() => _process.Kill(entireProcessTree: true);

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
            _process.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
