using System.Buffers;
using System.Text.Json;
using Kiosk.Events.Broker;
using Kiosk.Simulators.Gates;
using KioskController.Simulation;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;

namespace KioskController.Tests;

/// <summary>The exit gate of the default run, seen from the central system: what its alarms carry over MQTT.</summary>
public sealed class GateAlarmEventsTests
{
    [Fact]
    public async Task A_secured_book_walked_out_of_the_gate_reaches_the_central_system_as_one_alarm_with_its_item_antenna_and_direction()
    {
        // The default run's reader simulators each wait in poll(2) on a pool thread (PseudoTerminalMasterStream); on two
        // cores the pool starts with two, and the gate's debounce timers then wait for it to grow — long enough, just
        // after start, to lose a walker's beams. A real gate hosts no simulator (as in the gate fixtures of the
        // device tests).
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), completionPorts);
        await using var kiosk = await KioskHost.StartAsync("--Kiosk:EmbeddedBroker:Port=0");
        var port = await kiosk.Services.GetRequiredService<EmbeddedBroker>().Started.WaitAsync(TimeSpan.FromSeconds(60));
        await KioskEventsTests.WaitForEventsStatusAsync(kiosk, s => s.GetProperty("link").GetString() == "connected");
        var received = new List<MqttApplicationMessage>();
        using var central = new MqttClientFactory().CreateMqttClient();
        central.ApplicationMessageReceivedAsync += args =>
        {
            lock (received)
            {
                received.Add(args.ApplicationMessage);
            }

            return Task.CompletedTask;
        };
        await central.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).Build());
        await central.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(filter => filter.WithTopic("library/hn/tvhn/#").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build());

        // The gate starts polling on its own; walk once its reader simulator has answered a few rounds, or the walker
        // may pass a gate that is not looking yet. A cap for a starved CI machine bounds the waits, not a sleep.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var gate = kiosk.Services.GetRequiredService<EmbeddedGateSetup>();
        var shelf = kiosk.Services.GetRequiredService<SimulatedShelf>();
        var answered = gate.Reader.Floor.Exchanges;
        while (gate.Reader.Floor.Exchanges < answered + 6)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
        }

        // Secured books of the sample data (TV0003 is the one on loan). A walk the machine stalled — its steps played
        // late and then in a burst, so the beams flickered shorter than the debounce and the tag left before it was
        // read — is not a walk at 1.4 m/s: walk the next book instead, as gate-walk does.
        string? walked = null;
        foreach (var item in new[] { "TV0001", "TV0002", "TV0004" })
        {
            var played = await gate.Walks.PlayAsync(WalkThroughSimulator.Plan(WalkScenarios.OneWalker(1.4, [await shelf.TagForAsync(item)]), new GateGeometry()), timeout.Token);
            var stalled = played.Any(step => (TimeProvider.System.GetElapsedTime(played[0].Timestamp, step.Timestamp) - (step.Step.At - played[0].Step.At)).Duration() > TimeSpan.FromMilliseconds(50));
            if (!stalled)
            {
                walked = item;
                break;
            }
        }

        Assert.NotNull(walked);
        JsonElement alarm;
        JsonElement enriched;
        while (true)
        {
            List<JsonElement> events;
            lock (received)
            {
                events = [.. received.Where(message => message.Topic.Contains("/events/gate.alarm", StringComparison.Ordinal))
                    .Select(message => JsonDocument.Parse(message.Payload.ToArray()).RootElement)];
            }

            // An alarm of a stalled walk may carry no item id (its tag left before it was read): only the walked book's count.
            alarm = events.FirstOrDefault(e => e.GetProperty("type").GetString() == "vn.library.kiosk.gate.alarm" && ItemId(e) == walked);
            enriched = events.FirstOrDefault(e => e.GetProperty("type").GetString() == "vn.library.kiosk.gate.alarm-enriched" && ItemId(e) == walked);
            if (alarm.ValueKind != JsonValueKind.Undefined && enriched.ValueKind != JsonValueKind.Undefined)
            {
                break;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
            }
            catch (OperationCanceledException)
            {
                var activity = await kiosk.Http.GetStringAsync(new Uri("/sim/api/gate", UriKind.Relative));
                Assert.Fail($"The alarm for {walked} and its title did not both arrive within 60 s; {events.Count} gate alarm message(s) came; /sim/api/gate: {activity}");
            }
        }

        var data = alarm.GetProperty("data");
        Assert.Equal("out", data.GetProperty("direction").GetString());
        Assert.Equal(1, data.GetProperty("antenna").GetInt32());
        var title = kiosk.Services.GetRequiredService<EmbeddedIlsService>().Simulator!.Library.FindItem(walked)!.Title;
        Assert.Equal(title, enriched.GetProperty("data").GetProperty("title").GetString());
        Assert.Equal(data.GetProperty("alarmId").GetString(), enriched.GetProperty("data").GetProperty("alarmId").GetString());
    }

    private static string? ItemId(JsonElement message) =>
        message.GetProperty("data").TryGetProperty("itemId", out var id) ? id.GetString() : null;
}
