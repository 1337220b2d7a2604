using System.Device.Gpio;
using System.Globalization;
using Kiosk.Devices.Gates;
using Kiosk.Devices.Rfid;
using Kiosk.Devices.Transports;
using Kiosk.Protocols.Readers;
using Kiosk.Simulators.Gates;
using Kiosk.Simulators.Rfid;

namespace Kiosk.Benchmarks;

/// <summary>
/// Scenario bench: people walk through the gate, out and in by turns, at 1.4 m/s and at 2.5 m/s, each carrying one secured book among
/// loaned ones. Everything on the alarm path is the real thing: <see cref="GateController"/>, the FEIG driver, the real
/// SerialPort on a pty, and the timing-faithful reader simulator on the real clock (each reply held back for its
/// modelled radio and serial time), with the gate's shipped reader profile. Only the GPIO chip is simulated; it stamps
/// the alarm light's edge. The walk-through simulator puts the tags in the field for the dwell time the speed gives.
/// </summary>
/// <remarks>
/// Walks are real-time, so to keep 2,000 of them to minutes the bench runs several independent gates (lanes) side by
/// side, each with its own pty and reader simulator; a lane's walks follow each other with a random pause so that field
/// entry falls at a random point of the poll cycle.
/// </remarks>
internal static class GateWalkScenario
{
    public const string Name = "gate-walk";

    private const int DefaultWalks = 1000;
    // More gates per process finish sooner but share two cores with their simulators; four kept every walk on time here.
    private const int DefaultLanes = 4;
    private const int LoanedBooksPerWalker = 3;

    // A reply that was on its way when the tag left still comes from a tag that was in the field: allow one exchange.
    private static readonly TimeSpan LateReply = TimeSpan.FromMilliseconds(50);

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var walks = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var requestedWalks) ? requestedWalks : DefaultWalks;
        var lanes = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var requestedLanes) ? requestedLanes : DefaultLanes;
        // Each reader simulator's pty read waits in poll(2) on a pool thread (PseudoTerminalMasterStream); with several
        // gates in one process those would hold the pool's few starting threads and stall every gate for a second at a
        // time while it grows. A real gate hosts no simulator, so give the pool room for them up front.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, (4 * lanes) + 8), completionPorts);
        var root = RepositoryRoot();
        var readerProfile = Path.Combine(root, "firmware-config", "readers", "gate-feig.json");
        var pinMap = GatePinMapLoader.Load(Path.Combine(root, "firmware-config", "gates", "gate-main-rpi.json"));
        var template = RfidReaderProfileLoader.Load(readerProfile);
        var goal = template.PollInterval + TimeSpan.FromMilliseconds(5);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Gate walk scenario: {walks} walks per speed over {lanes} gates, each walker with 1 secured + {LoanedBooksPerWalker} loaned books; reader profile {Path.GetFileName(readerProfile)} ({template.Antennas.Count} antennas, poll interval {template.PollInterval.TotalMilliseconds:0} ms, {template.BaudRate} baud)"));
        await output.WriteLineAsync("speed m/s  walks  detected  rate      p50 ms   p99 ms   max ms   dwell ms  round ms  idle round radio+serial ms");
        var failed = false;
        foreach (var speed in new[] { 1.4, 2.5 })
        {
            var perLane = Enumerable.Range(0, lanes).Select(lane => (walks / lanes) + (lane < walks % lanes ? 1 : 0)).ToArray();
            var results = await Task.WhenAll(perLane.Select((count, lane) => RunLaneAsync(template, pinMap, speed, count, lane)));
            var latencies = results.SelectMany(r => r.Latencies).Order().ToArray();
            var detected = latencies.Length;
            var rate = walks == 0 ? 0 : (double)detected / walks;
            var p50 = Percentile(latencies, 0.50);
            var p99 = Percentile(latencies, 0.99);
            var max = latencies.Length == 0 ? TimeSpan.Zero : latencies[^1];
            var round = TimeSpan.FromTicks((long)results.Average(r => r.MeanRound.Ticks));
            var inventory = TimeSpan.FromTicks((long)results.Average(r => r.RadioAndSerialPerRound.Ticks));
            var dwell = TimeSpan.FromSeconds(new GateGeometry().FieldDepth / speed);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{speed,-10:F1} {walks,5}  {detected,8}  {rate,7:P1}  {p50.TotalMilliseconds,7:F1}  {p99.TotalMilliseconds,7:F1}  {max.TotalMilliseconds,7:F1}  {dwell.TotalMilliseconds,8:F0}  {round.TotalMilliseconds,8:F1}  {inventory.TotalMilliseconds,8:F1}"));
            // The direction each walk's alarm carried, against the way the walker went (walks alternate out and in). The
            // bench's 50 ms alarm time is shorter than a poll period, so a tag still in the field alarms again each
            // round; only each walk's first alarm is the one a site would see.
            var walked = results.SelectMany(r => r.Walked).ToDictionary();
            await output.WriteLineAsync(DirectionLine("alarm events (gate.alarm)", results.SelectMany(r => r.AlarmEvents).Select(e => (e.Uid, e.At, e.Direction)), walked)
                + string.Create(CultureInfo.InvariantCulture, $"; item id read {(double)results.SelectMany(r => r.AlarmEvents).Where(e => walked.ContainsKey(e.Uid)).GroupBy(e => e.Uid).Count(g => g.MinBy(e => e.At)!.ItemId is not null) / Math.Max(1, walked.Count):P1}"));
            await output.WriteLineAsync(DirectionLine("at the light (GateAlarmRaised)", results.SelectMany(r => r.Raised).Where(e => e.Uid is not null).Select(e => (e.Uid!.Value, e.At, e.Direction)), walked));
            var missed = results.SelectMany(r => r.Missed).ToList();
            var spoiled = results.Sum(r => r.Spoiled);
            if (spoiled > 0)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {spoiled} walk(s) walked again: the machine stalled them, so their tags stayed in the field ±50 ms off what the speed gives"));
            }

            if (missed.Count > 0)
            {
                // Which walks, and how long their tags really stayed: a stalled machine shows as a long stay.
                await output.WriteLineAsync("  missed: " + string.Join("; ", missed.Take(10)) + (missed.Count > 10 ? "; …" : string.Empty));
            }

            failed |= (speed <= 1.4 && detected < walks) || p99 > goal;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"poll period {template.PollInterval.TotalMilliseconds:0} ms; goals: 100 % detection at 1.4 m/s, p99 ≤ {goal.TotalMilliseconds:0} ms (poll period + 5 ms)"));
        return failed ? 1 : 0;
    }

    private static async Task<LaneResult> RunLaneAsync(RfidReaderProfile template, GatePinMap pinMap, double speed, int walks, int lane)
    {
        var field = new RfidField(template.Antennas.Count);
        await using var simulator = new FeigReaderSimulator(field, new FeigReaderSimulatorOptions { AntennaCount = template.Antennas.Count, BaudRate = template.BaudRate });
        simulator.Plug();
        var profile = new RfidReaderProfile
        {
            Name = template.Name,
            Protocol = template.Protocol,
            Port = simulator.PortPath,
            BaudRate = template.BaudRate,
            Parity = template.Parity,
            Antennas = template.Antennas,
            PollInterval = template.PollInterval,
            PollSecuredOnly = template.PollSecuredOnly,
            SecurityMode = template.SecurityMode,
            SecuredAfi = template.SecuredAfi,
            LoanedAfi = template.LoanedAfi,
        };
        var afi = new SecurityAfi((byte)profile.SecuredAfi, (byte)profile.LoanedAfi);
        var driver = new SimulatedGpioDriver();
        using var gpio = new GpioController(driver);
        var countFile = Path.Combine(Path.GetTempPath(), $"gate-walk-{Guid.NewGuid()}.json");
        var options = new GateOptions { PinMap = "gate-main-rpi.json", ReaderProfile = "gate-feig.json", CountFile = countFile, AlarmDuration = TimeSpan.FromMilliseconds(50) };
        var hub = new GateEventHub();
        var events = hub.Subscribe();
        var gate = new GateController(options, pinMap, profile, gpio, hub, TimeProvider.System);
        gate.Open();
        var walkThrough = new WalkThroughSimulator(driver, pinMap, field);
        walkThrough.ClearBeams();
        var light = pinMap.Light!;
        var lightOn = light.ParsedPolarity == GatePinPolarity.ActiveHigh ? PinValue.High : PinValue.Low;
        var lightOff = lightOn == PinValue.High ? PinValue.Low : PinValue.High;

        await using var connection = await new SerialPortTransport(RfidReaderFactory.CreateTransportOptions(profile)).OpenAsync();
        await using var reader = RfidReaderFactory.Create(profile, connection, TimeProvider.System);
        using var stopping = new CancellationTokenSource();
        var polling = Task.Run(() => gate.RunDetectionAsync(reader, stopping.Token));

        // Warm-up: JIT, the reader's CFG4, the pty's buffers; lanes start together, so wait for polls, not for a time.
        while (gate.PollRounds < 3)
        {
            await Task.Delay(profile.PollInterval);
        }

        // What a round costs on the wire and in the air with nobody in the gate: the inventory filter at work.
        var idleRounds = gate.PollRounds;
        var idleFloor = simulator.Floor.Total;
        while (gate.PollRounds < idleRounds + 5)
        {
            await Task.Delay(profile.PollInterval);
        }

        var idlePerRound = (simulator.Floor.Total - idleFloor) / (gate.PollRounds - idleRounds);

        var latencies = new List<TimeSpan>(walks);
        var walkedWith = new Dictionary<TransponderUid, GateDirection>();
        var stalled = new HashSet<TransponderUid>();
        var missed = new List<string>();
        var spoiled = 0;
        var random = new Random(lane);
        var started = TimeProvider.System.GetTimestamp();
        var roundsBefore = gate.PollRounds;
        for (var walk = 0; walk < walks; walk++)
        {
            var tags = new List<SimulatedTag>();
            for (var book = 0; book < LoanedBooksPerWalker; book++)
            {
                tags.Add(LibraryTagFactory.CreateItem(string.Create(CultureInfo.InvariantCulture, $"L{lane:D2}{walk:D4}{book}"), "VN-HN-TVHN", secured: false, afi: afi));
            }

            tags.Insert(random.Next(tags.Count + 1), LibraryTagFactory.CreateItem(string.Create(CultureInfo.InvariantCulture, $"S{lane:D2}{walk:D4}"), "VN-HN-TVHN", secured: true, afi: afi));
            // Out and in by turns (the geometry is symmetric, so the latency is the same), on each antenna in turn.
            var direction = walk % 2 == 0 ? GateDirection.Out : GateDirection.In;
            var securedUid = tags.Single(tag => tag.Afi == afi.Secured).Uid;
            walkedWith[securedUid] = direction;
            var walker = new Walker(speed, direction, tags, Antenna: 1 + (walk / 2 % profile.Antennas.Count));
            var plan = WalkThroughSimulator.Plan([walker], new GateGeometry());
            var plannedDwell = plan.Last(p => p.Kind == WalkStepKind.TagsLeaveField).At - plan.First(p => p.Kind == WalkStepKind.TagsEnterField).At;
            long entered;
            long left;
            while (true)
            {
                driver.ClearOutputChanges();
                var played = await walkThrough.PlayAsync(plan);
                entered = played.First(p => p.Step.Kind == WalkStepKind.TagsEnterField).Timestamp;
                left = played.Last(p => p.Step.Kind == WalkStepKind.TagsLeaveField).Timestamp;

                // Let a reply in flight land, then the alarm run out, so the next walk starts from a quiet gate.
                await Task.Delay(LateReply);
                using (var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
                {
                    await driver.WaitForOutputAsync(light.Number, lightOff, quiet.Token);
                }

                // A machine that stalled the walk itself (the tags put in or taken out late, so they stayed in the
                // field for less or more than the speed gives) stalled the gate too: that walk was not at this speed.
                // Walk again and say so.
                if ((TimeProvider.System.GetElapsedTime(entered, left) - plannedDwell).Duration() <= LateReply)
                {
                    break;
                }

                spoiled++;

                // Its alarm events mix the stalled walk's with the new one's: leave it out of the direction scores.
                stalled.Add(securedUid);
                await Task.Delay(profile.PollInterval);
            }

            var alarm = driver.OutputChanges.FirstOrDefault(c => c.Pin == light.Number && c.Value == lightOn && c.Timestamp >= entered);
            if (alarm is not null && TimeProvider.System.GetElapsedTime(left, alarm.Timestamp) <= LateReply)
            {
                latencies.Add(TimeProvider.System.GetElapsedTime(entered, alarm.Timestamp));
            }
            else
            {
                missed.Add(string.Create(CultureInfo.InvariantCulture, $"gate {lane} walk {walk} (in the field {TimeProvider.System.GetElapsedTime(entered, left).TotalMilliseconds:F0} ms)"));
            }

            await Task.Delay(random.Next(0, (int)profile.PollInterval.TotalMilliseconds));
        }

        var elapsed = TimeProvider.System.GetElapsedTime(started);
        var rounds = Math.Max(1, gate.PollRounds - roundsBefore);

        await stopping.CancelAsync();
        try
        {
            await polling;
        }
        catch (OperationCanceledException)
        {
            // The polls end by cancellation.
        }

        await gate.DisposeAsync();
        File.Delete(countFile);
        var alarmEvents = new List<GateAlarmItemRead>();
        var raised = new List<GateAlarmRaised>();
        while (events.TryRead(out var gateEvent))
        {
            if (gateEvent is GateAlarmItemRead read)
            {
                alarmEvents.Add(read);
            }
            else if (gateEvent is GateAlarmRaised alarm)
            {
                raised.Add(alarm);
            }
        }

        foreach (var uid in stalled)
        {
            walkedWith.Remove(uid);
        }

        return new LaneResult(latencies, missed, spoiled, elapsed / rounds, idlePerRound, alarmEvents, raised, walkedWith);
    }

    private static string DirectionLine(string what, IEnumerable<(TransponderUid Uid, DateTimeOffset At, GateDirection Direction)> events, Dictionary<TransponderUid, GateDirection> walked)
    {
        var first = events.GroupBy(e => e.Uid).Select(g => g.MinBy(e => e.At)).Where(e => walked.ContainsKey(e.Uid)).ToList();
        double Share(Func<(TransponderUid Uid, DateTimeOffset At, GateDirection Direction), bool> which) => (double)first.Count(which) / Math.Max(1, first.Count);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"  {what}, first of each of {first.Count} walks not stalled: direction right {Share(e => e.Direction == walked[e.Uid]):P1}, wrong {Share(e => e.Direction != GateDirection.Unknown && e.Direction != walked[e.Uid]):P1}, unknown {Share(e => e.Direction == GateDirection.Unknown):P1}");
    }

    private static TimeSpan Percentile(TimeSpan[] sorted, double fraction) =>
        sorted.Length == 0 ? TimeSpan.Zero : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(fraction * sorted.Length) - 1)];

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KioskController.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run the bench from inside the repository: firmware-config/ is read from there.");
    }

    private sealed record LaneResult(List<TimeSpan> Latencies, List<string> Missed, int Spoiled, TimeSpan MeanRound, TimeSpan RadioAndSerialPerRound, List<GateAlarmItemRead> AlarmEvents, List<GateAlarmRaised> Raised, Dictionary<TransponderUid, GateDirection> Walked);
}
