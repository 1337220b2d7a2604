using System.Diagnostics;
using System.Globalization;
using System.IO.Ports;
using Kiosk.Devices.Rfid;
using Kiosk.Devices.Transports;
using Kiosk.Simulators.Rfid;

namespace Kiosk.Benchmarks;

/// <summary>
/// Scenario bench: a patron puts a stack of 10 books on the pad. The real driver, on the real SerialPort over a pty,
/// inventories the stack, reads each tag's whole user memory and switches its AFI (write and read-back), against the
/// timing-faithful simulator on the real clock. It prints the driver's wall time beside the simulator's own modelled
/// radio + serial time (its "floor", what real hardware cannot beat) and their ratio; the goal is 1.1 × the floor or less.
/// </summary>
internal static class RfidStackScenario
{
    public const string Name = "rfid-stack";

    private const int StackSize = 10;

    // A round of 10 tags takes under a second; 7 measured rounds after a warm-up give a stable median in seconds.
    private const int Rounds = 7;

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var rounds = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var requested) ? requested : Rounds;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"RFID stack scenario: {StackSize} tags, inventory + read user memory + switch AFI (write + read-back), median of {rounds} rounds after a warm-up"));
        await output.WriteLineAsync("protocol  baud     total ms   floor ms   radio ms   serial ms  ratio   exchanges");
        var worst = 0.0;
        foreach (var (protocol, baud) in new[] { (RfidReaderProtocol.Feig, 38400), (RfidReaderProtocol.Feig, 115200), (RfidReaderProtocol.ThreeM, 19200), (RfidReaderProtocol.ThreeM, 115200) })
        {
            var result = await MeasureAsync(protocol, baud, rounds);
            worst = Math.Max(worst, result.Ratio);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{(protocol == RfidReaderProtocol.Feig ? "FEIG" : "3M"),-9} {baud,-8} {result.Total.TotalMilliseconds,8:F1}   {result.Floor.TotalMilliseconds,8:F1}   {result.Radio.TotalMilliseconds,8:F1}   {result.Serial.TotalMilliseconds,8:F1}   {result.Ratio,5:F3}   {result.Exchanges,5}"));
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"worst ratio {worst:F3} (goal ≤ 1.100)"));
        return worst <= 1.1 ? 0 : 1;
    }

    private static async Task<Measurement> MeasureAsync(RfidReaderProtocol protocol, int baud, int rounds)
    {
        var field = new RfidField();
        var afi = protocol == RfidReaderProtocol.Feig ? SecurityAfi.Common : SecurityAfi.ThreeM;
        await using PseudoTerminalReaderSimulator simulator = protocol == RfidReaderProtocol.Feig
            ? new FeigReaderSimulator(field, new FeigReaderSimulatorOptions { BaudRate = baud })
            : new ThreeMReaderSimulator(field, new ThreeMReaderSimulatorOptions { BaudRate = baud });
        simulator.Plug();
        field.PlaceAll(LibraryTagFactory.CreateSampleStack(StackSize, afi: afi));
        var profile = new RfidReaderProfile
        {
            Name = "pad",
            Protocol = protocol,
            Port = simulator.PortPath,
            BaudRate = baud,
            Parity = protocol == RfidReaderProtocol.Feig ? Parity.Even : Parity.None,
            SecuredAfi = afi.Secured,
            LoanedAfi = afi.NotSecured,
        };
        var transport = new SerialPortTransport(RfidReaderFactory.CreateTransportOptions(profile));
        await using var connection = await transport.OpenAsync();
        await using var reader = RfidReaderFactory.Create(profile, connection, TimeProvider.System);

        // Warm-up: JIT, the first CFG4 read, the pty's buffers.
        await RoundAsync(reader, secured: true);
        var measurements = new List<Measurement>();
        for (var round = 0; round < rounds; round++)
        {
            simulator.Floor.Reset();
            var watch = Stopwatch.StartNew();
            await RoundAsync(reader, secured: round % 2 == 1);
            watch.Stop();
            measurements.Add(new Measurement(watch.Elapsed, simulator.Floor.Total, simulator.Floor.Radio, simulator.Floor.Serial, simulator.Floor.Exchanges));
        }

        return measurements.OrderBy(m => m.Ratio).ElementAt(measurements.Count / 2);
    }

    private static async Task RoundAsync(IRfidReader reader, bool secured)
    {
        var tags = await reader.InventoryAsync(1);
        if (tags.Count != StackSize)
        {
            throw new InvalidOperationException($"The inventory found {tags.Count} of {StackSize} tags.");
        }

        foreach (var tag in tags)
        {
            await reader.ReadTagAsync(tag.Uid);
            var result = await reader.SetSecurityAsync(tag.Uid, secured);
            if (!result.Verified)
            {
                throw new InvalidOperationException($"Tag {tag.Uid} did not verify: {result.Failure}");
            }
        }
    }

    private sealed record Measurement(TimeSpan Total, TimeSpan Floor, TimeSpan Radio, TimeSpan Serial, long Exchanges)
    {
        public double Ratio => Total / Floor;
    }
}
