using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Kiosk.Protocols.Readers.Feig;
using Kiosk.Protocols.Readers.ThreeM;
using Kiosk.Protocols.Tags;
using Kiosk.Simulators.Rfid;
using Microsoft.Extensions.Logging;

namespace Kiosk.Simulators.Cli;

/// <summary><c>kiosk-sim reader</c>: a FEIG or 3M RFID reader on a pty with a stack of sample tags, until Ctrl+C.</summary>
internal static class ReaderCommand
{
    public static Command Create()
    {
        var protocol = new Option<string>("--protocol") { Description = "Reader protocol: feig (ID CPR, 38400 8E1) or 3m (810, 19200 8N1).", Required = true };
        protocol.AcceptOnlyFromAmong("feig", "3m");
        var link = new Option<string?>("--link") { Description = "Symbolic link to the pty for the driver's profile, such as /tmp/kiosk-reader0." };
        var baud = new Option<int?>("--baud") { Description = "Baud rate the timing model uses; default 38400 (FEIG) or 19200 (3M)." };
        var tags = new Option<int>("--tags") { Description = "Sample tags (items TV0001 on) placed on antenna 1.", DefaultValueFactory = _ => 10 };
        var verbose = new Option<bool>("--verbose") { Description = "Log every request and reply." };

        var command = new Command("reader", "Run an RFID reader simulator on a pseudo-terminal until Ctrl+C.") { protocol, link, baud, tags, verbose };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            Console.OutputEncoding = Encoding.UTF8;
            var isFeig = parseResult.GetValue(protocol) == "feig";
            using var loggerFactory = LoggerFactory.Create(logging => logging
                .AddSimpleConsole(console => console.SingleLine = true)
                .SetMinimumLevel(parseResult.GetValue(verbose) ? LogLevel.Debug : LogLevel.Information));
            var logger = loggerFactory.CreateLogger("Kiosk.Simulators.Rfid");
            var field = new RfidField();
            var model = isFeig ? LibraryTagModel.Iso28560Part3 : LibraryTagModel.ThreeM;
            var afi = isFeig ? SecurityAfi.Common : SecurityAfi.ThreeM;
            field.PlaceAll(LibraryTagFactory.CreateSampleStack(Math.Max(0, parseResult.GetValue(tags)), model, afi));

            PseudoTerminalReaderSimulator simulator;
            try
            {
                simulator = isFeig
                    ? new FeigReaderSimulator(field, new FeigReaderSimulatorOptions { LinkPath = parseResult.GetValue(link), BaudRate = parseResult.GetValue(baud) ?? FeigTiming.DefaultBaudRate }, logger: logger)
                    : new ThreeMReaderSimulator(field, new ThreeMReaderSimulatorOptions { LinkPath = parseResult.GetValue(link), BaudRate = parseResult.GetValue(baud) ?? ThreeMTiming.BaudRate }, logger: logger);
                simulator.Plug();
            }
            catch (Exception ex) when (ex is ArgumentException or IOException or PlatformNotSupportedException)
            {
                await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return 2;
            }

            await using (simulator.ConfigureAwait(false))
            {
                PrintSummary(simulator, isFeig, model);

                // Ctrl+C and SIGTERM stop cleanly, as in the ils verb.
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
                using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
                void Stop(PosixSignalContext context)
                {
                    context.Cancel = true;
                    stop.Cancel();
                }

                // Lines on stdin place and remove tags while the reader runs (place TV0011 loaned, remove TV0003, list).
                var console = new RfidFieldConsole(field, model, afi);
                Console.WriteLine(RfidFieldConsole.Help);
                _ = Task.Run(
                    async () =>
                    {
                        while (!stop.IsCancellationRequested && await Console.In.ReadLineAsync(stop.Token).ConfigureAwait(false) is { } line)
                        {
                            var answer = console.Execute(line);
                            if (answer.Length > 0)
                            {
                                Console.WriteLine(answer);
                            }
                        }
                    },
                    CancellationToken.None);

                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    Console.WriteLine("Stopping; modelled time floor: " + simulator.Floor);
                }
            }

            return 0;
        });
        return command;
    }

    private static void PrintSummary(PseudoTerminalReaderSimulator simulator, bool isFeig, LibraryTagModel model)
    {
        var responder = simulator.Responder;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{(isFeig ? "FEIG ID CPR" : "3M 810")} reader simulator on {simulator.PortPath} (slave {simulator.SlavePath}), {responder.BaudRate} baud, {responder.BitsPerCharacter} bits per byte"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Tags on antenna 1 ({model}):"));
        foreach (var tag in simulator.Field.AllTags())
        {
            var item = LibraryTagCodec.Decode(new TagMemory(tag.ReadMemory(), tag.BlockSize, tag.Dsfid), model).Item;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {tag}  item {item?.PrimaryItemId} part {item?.PartNumber}/{item?.PartsInItem}"));
        }
    }
}
