using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kiosk.Events.Broker;
using Kiosk.Events.Commands;
using Kiosk.Events.Mqtt;
using KioskController.Simulation;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;

namespace KioskController.Tests;

/// <summary>Technicians' remote commands carried out by the real host, sent signed over its embedded broker.</summary>
public sealed class RemoteCommandTests
{
    private const string Secret = "a-site-secret-long-enough-for-hmac-sha256";
    private const string Base = "library/hn/tvhn/kiosk-01";

    [Fact]
    public async Task Maintenance_mode_from_a_technician_pauses_loans_and_returns_and_leaving_it_resumes_them()
    {
        await using var kiosk = await KioskHost.StartAsync("--Kiosk:EmbeddedBroker:Port=0", $"--Kiosk:Events:Commands:Secret={Secret}");
        await using var central = await CentralAsync(kiosk);

        var entered = await central.SendAsync("enter-maintenance", "technician");
        var refused = await kiosk.Http.PostAsJsonAsync(new Uri("/api/session/return", UriKind.Relative), new { lang = "vi" });
        using var status = JsonDocument.Parse(await kiosk.Http.GetStringAsync(new Uri("/api/status", UriKind.Relative)));
        var left = await central.SendAsync("leave-maintenance", "technician");
        var accepted = await kiosk.Http.PostAsJsonAsync(new Uri("/api/session/return", UriKind.Relative), new { lang = "vi" });

        Assert.Equal("ok", entered.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("maintenance", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(status.RootElement.GetProperty("maintenance").GetBoolean());
        Assert.Equal("ok", left.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task A_reader_self_test_inventories_the_pad_and_reports_the_tags_it_found()
    {
        await using var kiosk = await KioskHost.StartAsync("--Kiosk:EmbeddedBroker:Port=0", $"--Kiosk:Events:Commands:Secret={Secret}");
        await using var central = await CentralAsync(kiosk);
        await kiosk.Services.GetRequiredService<SimulatedShelf>().PlaceAsync("TV0001");
        await kiosk.Services.GetRequiredService<SimulatedShelf>().PlaceAsync("TV0002");

        var reply = await central.SendAsync("reader-self-test", "technician");

        Assert.Equal("ok", reply.GetProperty("status").GetString());
        var pad = reply.GetProperty("result").EnumerateArray().Single();
        Assert.Equal("pad", pad.GetProperty("reader").GetString());
        Assert.True(pad.GetProperty("passed").GetBoolean());
        Assert.Equal(2, pad.GetProperty("tags").GetInt32());
    }

    [Fact]
    public async Task A_printer_test_page_is_printed_on_command_and_a_monitor_may_not_ask_for_one()
    {
        await using var kiosk = await KioskHost.StartAsync("--Kiosk:EmbeddedBroker:Port=0", $"--Kiosk:Events:Commands:Secret={Secret}");
        await using var central = await CentralAsync(kiosk);
        var printer = kiosk.Services.GetRequiredService<EmbeddedPrinterSetup>().Simulator;

        var refused = await central.SendAsync("printer-test-page", "monitor");
        var printed = await central.SendAsync("printer-test-page", "technician");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var page = await printer.WaitForReceiptAsync(timeout.Token);

        Assert.NotEqual("ok", refused.GetProperty("status").GetString());
        Assert.Equal("ok", printed.GetProperty("status").GetString());
        Assert.Contains("Do bạch kim rất quý", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_remote_gate_test_pulses_the_light_buzzer_and_relay_and_leaves_them_as_they_were()
    {
        await using var kiosk = await KioskHost.StartAsync("--Kiosk:EmbeddedBroker:Port=0", $"--Kiosk:Events:Commands:Secret={Secret}");
        await using var central = await CentralAsync(kiosk);
        var driver = kiosk.Services.GetRequiredService<EmbeddedGateSetup>().Driver;
        driver.ClearOutputChanges();

        var reply = await central.SendAsync("gate-test", "technician");

        Assert.Equal("ok", reply.GetProperty("status").GetString());
        Assert.Equal(["light", "buzzer", "relay"], reply.GetProperty("result").GetProperty("pulsed").EnumerateArray().Select(output => output.GetProperty("output").GetString()));
        Assert.All(reply.GetProperty("result").GetProperty("beams").EnumerateArray(), beam => Assert.False(beam.GetProperty("blocked").GetBoolean()));

        // Active-low outputs on the embedded pin map: each goes low (on) and back high (off), in turn.
        Assert.Equal(
            [(17, System.Device.Gpio.PinValue.Low), (17, System.Device.Gpio.PinValue.High), (27, System.Device.Gpio.PinValue.Low), (27, System.Device.Gpio.PinValue.High), (22, System.Device.Gpio.PinValue.Low), (22, System.Device.Gpio.PinValue.High)],
            driver.OutputChanges.Select(change => (change.Pin, change.Value)));
    }

    [Fact]
    public async Task Every_command_the_issue_names_is_carried_out_when_a_technician_sends_it_with_kioskctl()
    {
        await using var kiosk = await KioskHost.StartAsync("--Kiosk:EmbeddedBroker:Port=0", $"--Kiosk:Events:Commands:Secret={Secret}");
        await using (await CentralAsync(kiosk))
        {
            // Only to wait until the kiosk is connected and subscribed.
        }

        var port = await kiosk.Services.GetRequiredService<EmbeddedBroker>().Started;
        var secretFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(secretFile, Secret + "\n");
        try
        {
            var answers = new Dictionary<string, (int ExitCode, string Stdout, string Stderr)>();
            foreach (var command in CommandNames.All)
            {
                answers[command] = await KioskctlAsync(
                    "command", "send", command, "--broker", $"127.0.0.1:{port}", "--device-topic", Base, "--secret-file", secretFile, "--json", "--timeout", "30s");
                if (command == CommandNames.EnterMaintenance)
                {
                    using var status = JsonDocument.Parse(await kiosk.Http.GetStringAsync(new Uri("/api/status", UriKind.Relative)));
                    Assert.True(status.RootElement.GetProperty("maintenance").GetBoolean());
                }
            }

            Assert.All(answers, answer => Assert.True(answer.Value.ExitCode == 0, $"{answer.Key}: exit {answer.Value.ExitCode}, {answer.Value.Stderr}"));
            Assert.All(answers, answer => Assert.Equal("ok", JsonDocument.Parse(answer.Value.Stdout).RootElement.GetProperty("status").GetString()));
            Assert.DoesNotContain(answers.Values, answer => (answer.Stdout + answer.Stderr).Contains(Secret, StringComparison.Ordinal));
            using var after = JsonDocument.Parse(await kiosk.Http.GetStringAsync(new Uri("/api/status", UriKind.Relative)));
            Assert.False(after.RootElement.GetProperty("maintenance").GetBoolean());
        }
        finally
        {
            File.Delete(secretFile);
        }
    }

    /// <summary>Runs the built kioskctl as its own process, as a technician would.</summary>
    private static async Task<(int ExitCode, string Stdout, string Stderr)> KioskctlAsync(params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kioskctl.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    private static async Task<Central> CentralAsync(KioskHost kiosk)
    {
        var port = await kiosk.Services.GetRequiredService<EmbeddedBroker>().Started.WaitAsync(TimeSpan.FromSeconds(60));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (kiosk.Services.GetRequiredService<KioskEventsStatus>().State != BrokerLinkState.Connected)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
        }

        var client = new MqttClientFactory().CreateMqttClient();
        var central = new Central(client);
        client.ApplicationMessageReceivedAsync += central.OnMessageAsync;
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).Build());
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter => filter.WithTopic("central/replies/#").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build());
        return central;
    }

    /// <summary>The central system's side: sends a signed command, waits for the answer on its response topic.</summary>
    private sealed class Central(IMqttClient client) : IAsyncDisposable
    {
        private readonly Dictionary<string, TaskCompletionSource<JsonElement>> _waiting = [];

        public async Task<JsonElement> SendAsync(string command, string role)
        {
            var correlation = Guid.NewGuid().ToString("N");
            var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_waiting)
            {
                _waiting[correlation] = answer;
            }

            await client.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic($"{Base}/commands/{command}")
                .WithPayload(CommandSigner.CreatePayload(Secret, new { command, device = "kiosk-01", role, issuedAt = DateTimeOffset.UtcNow, nonce = Guid.NewGuid().ToString("N") }))
                .WithResponseTopic("central/replies/" + correlation)
                .WithCorrelationData(Encoding.UTF8.GetBytes(correlation))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build());
            return await answer.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        public Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs args)
        {
            var correlation = args.ApplicationMessage.Topic["central/replies/".Length..];
            TaskCompletionSource<JsonElement>? answer;
            lock (_waiting)
            {
                _waiting.Remove(correlation, out answer);
            }

            answer?.TrySetResult(JsonDocument.Parse(System.Buffers.BuffersExtensions.ToArray(args.ApplicationMessage.Payload)).RootElement.Clone());
            return Task.CompletedTask;
        }

        public async ValueTask DisposeAsync()
        {
            await client.DisconnectAsync();
            client.Dispose();
        }
    }
}
