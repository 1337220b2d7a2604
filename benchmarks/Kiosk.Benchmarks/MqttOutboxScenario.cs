using System.Diagnostics;
using System.Globalization;
using Kiosk.Events.Hosting;
using Kiosk.Events.Model;
using Kiosk.Events.Mqtt;
using Kiosk.Events.Outbox;
using Kiosk.Events.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;

namespace Kiosk.Benchmarks;

/// <summary>
/// The mqtt-outbox scenario, against one real mosquitto on loopback: the enqueue latency of <see cref="IEventOutbox.AppendAsync"/>
/// (p50/p99, at both durability settings), the drain rate of a 50,000-event backlog through the real publisher at QoS 1,
/// and that rate against a raw MQTTnet loop publishing the same payloads at QoS 1 to the same broker.
/// </summary>
internal static class MqttOutboxScenario
{
    public const string Name = "mqtt-outbox";

    private const double EnqueueP99GoalMilliseconds = 2;
    private const double DrainGoalPerSecond = 5_000;
    private const double RatioGoal = 0.5;

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var backlog = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
        var samples = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5_000;
        await using var broker = await MosquittoBroker.StartAsync(secure: false);
        var directory = Directory.CreateTempSubdirectory("kiosk-bench-outbox-").FullName;
        try
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mqtt-outbox: mosquitto on 127.0.0.1:{broker.Port}, backlog {backlog} events, {samples} enqueue samples after 500 warm-up"));
            var failed = false;
            output.WriteLine("| durability | enqueue p50 ms | enqueue p99 ms | max ms |");
            output.WriteLine("|---|---|---|---|");
            foreach (var durability in new[] { OutboxDurability.Full, OutboxDurability.Normal })
            {
                var (p50, p99, max) = await MeasureEnqueueAsync(Path.Combine(directory, $"enqueue-{durability}.db"), durability, samples);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {durability} | {p50:F3} | {p99:F3} | {max:F3} |"));
                failed |= durability == OutboxDurability.Full && p99 > EnqueueP99GoalMilliseconds;
            }

            var payload = Sample(directory);
            var rawSequential = await RawLoopAsync(broker.Port, payload, backlog, inFlight: 1);
            var rawPipelined = await RawLoopAsync(broker.Port, payload, backlog, inFlight: 64);
            var drain = await DrainAsync(broker.Port, Path.Combine(directory, "drain.db"), backlog);
            output.WriteLine("| publisher | events/s |");
            output.WriteLine("|---|---|");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| raw MQTTnet loop, one QoS 1 publish awaited at a time | {rawSequential:F0} |"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| raw MQTTnet loop, 64 QoS 1 publishes in flight | {rawPipelined:F0} |"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| outbox drain (read, publish 64 in flight, delete per batch; synchronous=FULL) | {drain:F0} |"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"drain ÷ raw loop (awaited): {drain / rawSequential:F2}; drain ÷ raw loop (64 in flight): {drain / rawPipelined:F2}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"goals: enqueue p99 ≤ {EnqueueP99GoalMilliseconds} ms (default durability Full); drain ≥ {DrainGoalPerSecond} events/s; drain ≥ {RatioGoal} × raw loop (both loops)"));
            var missed = new List<string>();
            if (failed)
            {
                missed.Add("enqueue p99");
            }

            if (drain < DrainGoalPerSecond)
            {
                missed.Add("drain rate");
            }

            if (drain / rawSequential < RatioGoal || drain / rawPipelined < RatioGoal)
            {
                missed.Add("ratio to the raw loop");
            }

            output.WriteLine(missed.Count == 0 ? "all goals met" : $"goals missed: {string.Join(", ", missed)}");
            return missed.Count == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    private static async Task<(double P50, double P99, double Max)> MeasureEnqueueAsync(string path, OutboxDurability durability, int samples)
    {
        await using var provider = Services(path, durability, port: 1);
        var outbox = provider.GetRequiredService<IEventOutbox>();
        for (var warmUp = 0; warmUp < 500; warmUp++)
        {
            await outbox.AppendAsync(Event(warmUp));
        }

        var times = new double[samples];
        for (var sample = 0; sample < samples; sample++)
        {
            var start = Stopwatch.GetTimestamp();
            await outbox.AppendAsync(Event(sample));
            times[sample] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        return (times[samples / 2], times[(int)(samples * 0.99)], times[^1]);
    }

    private static async Task<double> DrainAsync(int port, string path, int backlog)
    {
        // Fill without fsync per commit (not what is measured), then reopen with the default durability to drain.
        await using (var filler = Services(path, OutboxDurability.Normal, port: 1))
        {
            var outbox = filler.GetRequiredService<IEventOutbox>();
            for (var number = 0; number < backlog; number++)
            {
                await outbox.AppendAsync(Event(number));
            }
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.Services.AddKioskEvents(options => Configure(options, path, OutboxDurability.Full, port));
        using var host = builder.Build();
        var status = host.Services.GetRequiredService<KioskEventsStatus>();
        var initial = status.Outbox.Count;
        var start = Stopwatch.GetTimestamp();
        await host.StartAsync();
        while (status.Outbox.Count > 0)
        {
            await Task.Delay(1);
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        await host.StopAsync();
        return initial / elapsed.TotalSeconds;
    }

    private static async Task<double> RawLoopAsync(int port, byte[] payload, int count, int inFlight)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId($"raw-{inFlight}").Build());
        var message = new MqttApplicationMessageBuilder().WithTopic("library/hn/tvhn/raw/events/item.checked-out").WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        var start = Stopwatch.GetTimestamp();
        var pending = new Queue<Task<MqttClientPublishResult>>();
        for (var number = 0; number < count; number++)
        {
            if (pending.Count >= inFlight)
            {
                await pending.Dequeue();
            }

            pending.Enqueue(client.PublishAsync(message));
        }

        await Task.WhenAll(pending);
        var elapsed = Stopwatch.GetElapsedTime(start);
        await client.DisconnectAsync();
        return count / elapsed.TotalSeconds;
    }

    private static byte[] Sample(string directory)
    {
        using var provider = Services(Path.Combine(directory, "sample.db"), OutboxDurability.Normal, port: 1);
        var outbox = (SqliteEventOutbox)provider.GetRequiredService<IEventOutbox>();
        outbox.AppendAsync(Event(1)).AsTask().GetAwaiter().GetResult();
        return outbox.Read(0, 1)[0].Payload;
    }

    private static ServiceProvider Services(string path, OutboxDurability durability, int port)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddKioskEvents(options => Configure(options, path, durability, port));
        return services.BuildServiceProvider();
    }

    private static void Configure(Kiosk.Events.Options.KioskEventsOptions options, string path, OutboxDurability durability, int port)
    {
        options.Outbox.Path = path;
        options.Outbox.Durability = durability;
        options.Outbox.Capacity = 1_000_000;
        options.Mqtt.Port = port;
        options.Commands.Enabled = false;
    }

    private static ItemCheckedOutData Event(int number) =>
        new("session-0001", $"TV{number:D6}", "Truyện Kiều", new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.FromHours(7)), "9f86d081884c7d659a2feaa0c55ad015");
}
