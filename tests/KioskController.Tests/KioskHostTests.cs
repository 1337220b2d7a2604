using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json;

namespace KioskController.Tests;

public sealed class KioskHostTests
{
    [Fact]
    public async Task The_default_run_reaches_its_embedded_ILS_and_reports_it_online()
    {
        await using var kiosk = await KioskHost.StartAsync();

        var status = await kiosk.WaitForStatusAsync(s => s.GetProperty("ils").GetProperty("status").GetString() == "online");

        Assert.True(status.GetProperty("simulated").GetBoolean());
        Assert.Equal("VN-HN-TVHN", status.GetProperty("ils").GetProperty("institutionId").GetString());
        Assert.Equal("Healthy", await kiosk.Http.GetStringAsync(new Uri("/health/ready", UriKind.Relative)));
    }

    [Fact]
    public async Task The_build_output_started_from_another_folder_serves_its_screen_and_its_settings()
    {
        // As systemd or a script starts it: from a folder that is neither the project's nor the build output's.
        var elsewhere = Directory.CreateTempSubdirectory("kiosk-elsewhere-").FullName;
        var start = KioskHost.ProcessStart(
            "--Kiosk:Urls=http://127.0.0.1:0", "--Kiosk:Simulators:IlsPort=0", "--Kiosk:EmbeddedBroker:Port=0",
            $"--Kiosk:Events:Outbox:Path={Path.Combine(elsewhere, "events.db")}");
        start.WorkingDirectory = elsewhere;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.Contains("Now listening on: ", StringComparison.Ordinal))
                {
                    listening.TrySetResult(new Uri(line[(line.IndexOf("Now listening on: ", StringComparison.Ordinal) + "Now listening on: ".Length)..].Trim()));
                }
            }

            listening.TrySetException(new InvalidOperationException("The kiosk stopped before it listened: " + await error));
        });
        try
        {
            using var http = new HttpClient { BaseAddress = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60)) };

            var screen = await http.GetAsync(new Uri("/", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, screen.StatusCode);
            Assert.Contains("<html", await screen.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

            // appsettings.json was read from the application's folder: the library's name is its, not a default.
            using var status = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/status", UriKind.Relative)));
            Assert.Equal("Thư viện Hà Nội", status.RootElement.GetProperty("libraryName").GetString());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            await output;
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public async Task A_book_placed_on_the_simulated_pad_appears_with_its_item_id_and_leaves_when_lifted()
    {
        await using var kiosk = await KioskHost.StartAsync();
        await kiosk.WaitForStatusAsync(s => Pad(s).GetProperty("status").GetString() == "connected");

        var placed = await kiosk.Http.PostAsync(new Uri("/sim/api/reader", UriKind.Relative), new StringContent("place TV0001"));
        var onPad = await kiosk.WaitForStatusAsync(s => Pad(s).GetProperty("tags").GetArrayLength() == 1);
        await kiosk.Http.PostAsync(new Uri("/sim/api/reader", UriKind.Relative), new StringContent("remove TV0001"));
        await kiosk.WaitForStatusAsync(s => Pad(s).GetProperty("tags").GetArrayLength() == 0);

        Assert.StartsWith("Placed TV0001", await placed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var tag = Pad(onPad).GetProperty("tags")[0];
        Assert.Equal("TV0001", tag.GetProperty("itemId").GetString());
        Assert.Equal("iso28560-2", tag.GetProperty("model").GetString());
    }

    [Fact]
    public async Task A_printer_out_of_paper_is_reported_to_the_ILS_in_SC_status_and_cleared_when_paper_is_back()
    {
        await using var kiosk = await KioskHost.StartAsync();
        await kiosk.WaitForStatusAsync(s => s.GetProperty("ils").GetProperty("status").GetString() == "online");
        var ils = kiosk.Services.GetRequiredService<KioskController.Simulation.EmbeddedIlsService>().Simulator!;

        await kiosk.Http.PostAsync(new Uri("/sim/api/printer", UriKind.Relative), new StringContent("paper-end"));
        var out_ = await kiosk.WaitForStatusAsync(s => s.GetProperty("ils").GetProperty("reportedStatus").GetString() == "printerOutOfPaper");
        var ilsSawIt = ils.LastScStatus;
        await kiosk.Http.PostAsync(new Uri("/sim/api/printer", UriKind.Relative), new StringContent("ready"));
        await kiosk.WaitForStatusAsync(s => s.GetProperty("ils").GetProperty("reportedStatus").GetString() == "ok");

        Assert.True(out_.GetProperty("printer").GetProperty("paperEnd").GetBoolean());
        Assert.False(out_.GetProperty("printer").GetProperty("canPrint").GetBoolean());
        Assert.Equal(Kiosk.Protocols.Sip2.Sip2ScStatusCode.PrinterOutOfPaper, ilsSawIt);
        Assert.Equal(Kiosk.Protocols.Sip2.Sip2ScStatusCode.Ok, ils.LastScStatus);
    }

    [Fact]
    public async Task A_sites_printer_profile_drives_a_real_printer_connection_and_its_paper_end_shows()
    {
        await using var printer = new Kiosk.Simulators.Printer.ReceiptPrinterSimulator(new Kiosk.Simulators.Printer.PrinterSimulatorOptions { TcpPort = 0 });
        printer.Start();
        var profile = Path.Combine(Path.GetTempPath(), $"kiosk-printer-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(profile, $$"""{ "name": "receipt", "transport": { "host": "127.0.0.1", "tcpPort": {{printer.TcpPort}} } }""");
        try
        {
            await using var kiosk = await KioskHost.StartAsync("--Kiosk:Simulators:Enabled=false", "--Kiosk:Sip2:Port=1", $"--Kiosk:Printer:Profile={profile}");
            await kiosk.WaitForStatusAsync(s => s.GetProperty("printer").ValueKind == JsonValueKind.Object && s.GetProperty("printer").GetProperty("canPrint").GetBoolean());

            printer.PaperEnd = true;
            var out_ = await kiosk.WaitForStatusAsync(s => s.GetProperty("printer").GetProperty("paperEnd").GetBoolean());

            Assert.Contains("127.0.0.1", out_.GetProperty("printer").GetProperty("description").GetString(), StringComparison.Ordinal);
            Assert.True(printer.StatusRequestsAnswered > 0);
        }
        finally
        {
            File.Delete(profile);
        }
    }

    [Fact]
    public async Task A_missing_printer_profile_stops_the_kiosk_naming_the_file()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-printer-{Guid.NewGuid():N}.json");

        var failure = await Assert.ThrowsAnyAsync<Exception>(
            () => KioskHost.StartAsync("--Kiosk:Simulators:Enabled=false", "--Kiosk:Sip2:Port=1", $"--Kiosk:Printer:Profile={missing}"));

        Assert.Contains(missing, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_ILS_unreachable_the_kiosk_stays_up_and_reports_it_offline()
    {
        await using var kiosk = await KioskHost.StartAsync(
            "--Kiosk:Simulators:Enabled=false", "--Kiosk:Sip2:Port=1", "--Kiosk:Sip2:ReconnectMinDelay=00:00:00.200");

        var status = await kiosk.WaitForStatusAsync(s => s.GetProperty("ils").GetProperty("status").GetString() == "offline");
        var ready = await kiosk.Http.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.False(status.GetProperty("simulated").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_bad_setting_stops_the_host_with_the_key_named()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => KioskHost.StartAsync("--Kiosk:DeviceId=Kiosk 01!"));

        Assert.Contains("Kiosk:DeviceId", failure.Message, StringComparison.Ordinal);
    }

    private static JsonElement Pad(JsonElement status) =>
        status.GetProperty("readers").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "pad");
}
