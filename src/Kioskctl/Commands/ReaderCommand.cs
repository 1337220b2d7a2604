using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO.Ports;
using Kiosk.Devices.Rfid;
using Kiosk.Devices.Transports;
using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Readers.Feig;
using Kiosk.Protocols.Readers.ThreeM;
using Kiosk.Protocols.Tags;

namespace Kioskctl.Commands;

/// <summary>
/// <c>kioskctl reader inventory|secure|unsecure --port PATH --protocol feig|3m …</c>: talk to an RFID reader on a serial
/// port with the kiosk's own drivers: list the tags in the field with their decoded item ids (or watch them come and go),
/// or switch one tag's security and show the verified result.
/// </summary>
internal static class ReaderCommand
{
    /// <summary>Exit status when the reader could not be reached or did not answer.</summary>
    public const int Unreachable = 3;

    public static Command Create()
    {
        var reader = new Command("reader", "Talk to an RFID reader on a serial port");
        reader.Subcommands.Add(CreateInventory());
        reader.Subcommands.Add(CreateSecurity("secure", secured: true));
        reader.Subcommands.Add(CreateSecurity("unsecure", secured: false));
        return reader;
    }

    internal static RfidReaderProfile Profile(string port, string protocol, int? baud, int antenna, int? securedAfi, int? loanedAfi)
    {
        var isFeig = protocol == "feig";
        var profile = new RfidReaderProfile
        {
            Name = "kioskctl",
            Protocol = isFeig ? RfidReaderProtocol.Feig : RfidReaderProtocol.ThreeM,
            Port = port,

            // FEIG ID CPR manual §4.2: 38400 8E1 from the factory; 3M 810: 19200 8N1.
            BaudRate = baud ?? (isFeig ? FeigTiming.DefaultBaudRate : ThreeMTiming.BaudRate),
            Parity = isFeig ? Parity.Even : Parity.None,
            Antennas = [antenna],
            SecurityAttempts = 3,
        };
        profile.SecuredAfi = securedAfi ?? profile.SecuredAfi;
        profile.LoanedAfi = loanedAfi ?? profile.LoanedAfi;
        return profile;
    }

    private static (Option<string> Port, Option<string> Protocol, Option<int?> Baud, Option<int> Antenna) CommonOptions()
    {
        var port = new Option<string>("--port") { Description = "The reader's serial port, such as /dev/ttyUSB0", Required = true };
        var protocol = new Option<string>("--protocol") { Description = "The reader's protocol: feig or 3m", Required = true };
        protocol.AcceptOnlyFromAmong("feig", "3m");
        var baud = new Option<int?>("--baud") { Description = "Baud rate; 38400 for FEIG, 19200 for 3M when left out" };
        var antenna = new Option<int>("--antenna") { Description = "The antenna to use (FEIG readers with two)", DefaultValueFactory = _ => 1 };
        return (port, protocol, baud, antenna);
    }

    private static Command CreateInventory()
    {
        var (port, protocol, baud, antenna) = CommonOptions();
        var watch = new Option<bool>("--watch") { Description = "Keep polling and print arrivals and departures until Ctrl+C" };
        var command = new Command("inventory", "List the tags in the reader's field with their decoded item ids") { port, protocol, baud, antenna, watch };
        command.SetAction(async (result, cancellationToken) =>
        {
            var profile = Profile(result.GetValue(port)!, result.GetValue(protocol)!, result.GetValue(baud), result.GetValue(antenna), null, null);
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            return result.GetValue(watch)
                ? await WatchAsync(profile, output, cancellationToken).ConfigureAwait(false)
                : await WithReaderAsync(profile, error, (reader, ct) => InventoryAsync(reader, profile.Antennas[0], output, ct), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static Command CreateSecurity(string name, bool secured)
    {
        var (port, protocol, baud, antenna) = CommonOptions();
        var uid = new Option<string>("--uid") { Description = "The tag's UID, 16 hex digits as inventory prints it", Required = true };
        var securedAfi = new Option<int?>("--secured-afi") { Description = "The site's AFI for an item in the library, such as 0x07", CustomParser = ParseByte };
        var loanedAfi = new Option<int?>("--loaned-afi") { Description = "The site's AFI for an item on loan, such as 0xC2", CustomParser = ParseByte };
        var command = new Command(name, secured
            ? "Secure one tag (AFI to the secured value) and verify it by reading it back; exit 0 only when verified"
            : "Unsecure one tag (AFI to the loaned value) and verify it by reading it back; exit 0 only when verified")
        {
            port, protocol, baud, antenna, uid, securedAfi, loanedAfi,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            if (!TransponderUid.TryParse(result.GetValue(uid), out var tag))
            {
                await error.WriteLineAsync($"'{result.GetValue(uid)}' is not a UID; give 16 hex digits, such as E004010031269117.").ConfigureAwait(false);
                return 1;
            }

            var profile = Profile(result.GetValue(port)!, result.GetValue(protocol)!, result.GetValue(baud), result.GetValue(antenna), result.GetValue(securedAfi), result.GetValue(loanedAfi));
            return await WithReaderAsync(profile, error, (reader, ct) => SwitchAsync(reader, profile, tag, secured, output, ct), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static int? ParseByte(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        var digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        var style = text.Length != digits.Length ? NumberStyles.AllowHexSpecifier : NumberStyles.None;
        if (int.TryParse(digits, style, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 255)
        {
            return value;
        }

        result.AddError($"'{text}' is not an AFI; give 1–255, in hex as 0x07 or in decimal as 7.");
        return null;
    }

    private static async Task<int> WithReaderAsync(RfidReaderProfile profile, TextWriter error, Func<IRfidReader, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        try
        {
            var transport = new SerialPortTransport(RfidReaderFactory.CreateTransportOptions(profile));
            var connection = await transport.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var reader = RfidReaderFactory.Create(profile, connection, TimeProvider.System);
                await using (reader.ConfigureAwait(false))
                {
                    return await work(reader, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (SerialTransportException ex)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return Unreachable;
        }
        catch (RfidReaderException ex)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ex.Kind is RfidReaderFailureKind.Timeout or RfidReaderFailureKind.PortUnavailable or RfidReaderFailureKind.Protocol ? Unreachable : 1;
        }
    }

    private static async Task<int> InventoryAsync(IRfidReader reader, int antenna, TextWriter output, CancellationToken cancellationToken)
    {
        var tags = await reader.InventoryAsync(antenna, cancellationToken: cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{tags.Count} tag(s) at antenna {antenna}")).ConfigureAwait(false);
        foreach (var tag in tags)
        {
            await output.WriteLineAsync(await DescribeAsync(reader, tag.Uid, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task<string> DescribeAsync(IRfidReader reader, TransponderUid uid, CancellationToken cancellationToken)
    {
        try
        {
            var memory = await reader.ReadTagAsync(uid, cancellationToken).ConfigureAwait(false);
            var decoded = LibraryTagCodec.Decode(memory.ToTagMemory());
            var item = decoded.IsSuccess
                ? string.Create(CultureInfo.InvariantCulture, $"item {decoded.Item!.PrimaryItemId} (part {decoded.Item.PartNumber} of {decoded.Item.PartsInItem}, {decoded.Model})")
                : $"{decoded.Verdict}: {decoded.Reason}";
            return string.Create(CultureInfo.InvariantCulture, $"{uid}  AFI 0x{memory.Afi:X2}  DSFID 0x{memory.Dsfid:X2}  {memory.BlockCount}×{memory.BlockSize} bytes  {item}");
        }
        catch (RfidReaderException ex) when (ex.Kind is RfidReaderFailureKind.NoTransponder or RfidReaderFailureKind.RadioError)
        {
            return $"{uid}  not readable: {ex.Message}";
        }
    }

    private static async Task<int> SwitchAsync(IRfidReader reader, RfidReaderProfile profile, TransponderUid uid, bool secured, TextWriter output, CancellationToken cancellationToken)
    {
        var afi = secured ? profile.SecuredAfi : profile.LoanedAfi;
        var result = await reader.SetSecurityAsync(uid, secured, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(result.Verified
            ? string.Create(CultureInfo.InvariantCulture, $"Tag {uid} is {(secured ? "secured" : "unsecured (loaned)")}: AFI 0x{afi:X2} verified by read-back after {result.Attempts} attempt(s).")
            : string.Create(CultureInfo.InvariantCulture, $"Tag {uid} NOT verified {(secured ? "secured" : "unsecured")} after {result.Attempts} attempt(s); treat the item as secured. {result.Failure}")).ConfigureAwait(false);
        return result.Verified ? 0 : 1;
    }

    private static async Task<int> WatchAsync(RfidReaderProfile profile, TextWriter output, CancellationToken cancellationToken)
    {
        var transport = new SerialPortTransport(RfidReaderFactory.CreateTransportOptions(profile));
        var service = new RfidReaderService(profile, transport, presence: null, reconnect: null, TimeProvider.System);
        await using (service.ConfigureAwait(false))
        {
            await service.StartAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await foreach (var change in service.Events.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    var at = change.At.ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
                    var line = change switch
                    {
                        RfidTagArrived arrived => $"{at}  + {await DescribeAsync(service, arrived.Uid, cancellationToken).ConfigureAwait(false)}",
                        RfidTagLeft left => string.Create(CultureInfo.InvariantCulture, $"{at}  - {left.Uid} left antenna {left.Antenna}{(left.ReaderLost ? " (reader lost)" : string.Empty)}"),
                        RfidReaderStatusChanged status => $"{at}  reader {status.Status}: {status.Reason}",
                        _ => change.ToString(),
                    };
                    await output.WriteLineAsync(line).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C ends the watch.
            }
        }

        return 0;
    }
}
