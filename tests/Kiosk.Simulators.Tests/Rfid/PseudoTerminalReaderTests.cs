using System.IO.Ports;
using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Readers.Feig;
using Kiosk.Protocols.Readers.Feig.Messages;
using Kiosk.Protocols.Readers.ThreeM;
using Kiosk.Protocols.Readers.ThreeM.Messages;
using Kiosk.Protocols.Tags;
using Kiosk.Simulators.Rfid;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Simulators.Tests.Rfid;

/// <summary>The simulators on a real pty, driven through System.IO.Ports as a kiosk driver would open /dev/ttyUSB0.</summary>
public sealed class PseudoTerminalReaderTests
{
    [Fact]
    public async Task A_serial_port_at_38400_8E1_inventories_and_reads_a_stack_through_the_feig_simulator_on_a_pty()
    {
        var field = new RfidField();
        var stack = LibraryTagFactory.CreateSampleStack(10);
        field.PlaceAll(stack);
        await using var simulator = new FeigReaderSimulator(field, new FeigReaderSimulatorOptions { MaximumDataSetsPerReply = 4 });
        simulator.Plug();
        using var port = Open(simulator.PortPath, FeigTiming.DefaultBaudRate, Parity.Even);

        var uids = new List<TransponderUid>();
        var more = false;
        do
        {
            var reply = Assert.IsType<FeigInventoryResponse>(ExchangeFeig(port, new FeigInventoryRequest { Options = more ? FeigInventoryOptions.MoreData : FeigInventoryOptions.None }));
            uids.AddRange(reply.Transponders.Select(entry => entry.Uid));
            more = reply.Status == FeigStatus.MoreData;
        }
        while (more);

        var read = Assert.IsType<FeigReadMultipleBlocksResponse>(ExchangeFeig(port, new FeigReadMultipleBlocksRequest { Uid = uids[6], BlockCount = 10 }));
        var item = LibraryTagCodec.Decode(new TagMemory(read.JoinData())).Item!;

        Assert.Equal(stack.Select(tag => tag.Uid), uids);
        Assert.Equal(("TV0007", 1, 2), (item.PrimaryItemId, item.PartNumber, item.PartsInItem));
        Assert.True(simulator.Floor.Total > TimeSpan.Zero);
    }

    [Fact]
    public async Task A_serial_port_at_19200_8N1_writes_and_reads_back_an_afi_through_the_3m_simulator_on_a_pty()
    {
        var field = new RfidField();
        var tag = LibraryTagFactory.CreateItem("TV0001", "VN-HN-TVHN", model: LibraryTagModel.ThreeM, afi: SecurityAfi.ThreeM);
        field.Place(tag);
        await using var simulator = new ThreeMReaderSimulator(field);
        simulator.Plug();
        using var port = Open(simulator.PortPath, ThreeMTiming.BaudRate, Parity.None);

        var inventory = Assert.IsType<ThreeMInventoryResponse>(ExchangeThreeM(port, new ThreeMInventoryRequest()));
        ExchangeThreeM(port, new ThreeMWriteAfiRequest { Uid = tag.Uid, Afi = SecurityAfi.ThreeM.NotSecured });
        var afi = Assert.IsType<ThreeMGetAfiResponse>(ExchangeThreeM(port, new ThreeMGetAfiRequest { Uid = tag.Uid }));

        Assert.Equal([tag.Uid], inventory.Tags.Select(entry => entry.Uid));
        Assert.Equal(SecurityAfi.ThreeM.NotSecured, afi.Afi);
    }

    [Fact]
    public async Task A_vanished_port_leaves_its_link_path_and_comes_back_there_after_the_downtime()
    {
        var link = Path.Combine(Path.GetTempPath(), "kiosk-reader-test-" + Guid.NewGuid().ToString("N"));
        var clock = new FakeTimeProvider();
        await using var simulator = new FeigReaderSimulator(new RfidField(), new FeigReaderSimulatorOptions { LinkPath = link }, clock);
        simulator.Plug();

        var vanishing = simulator.VanishAsync(TimeSpan.FromSeconds(5));
        ReaderHarness.WaitUntil(() => !simulator.IsPluggedIn, "the port to vanish");
        var linkWhileGone = File.Exists(link) || new FileInfo(link).LinkTarget is not null;
        clock.Advance(TimeSpan.FromSeconds(5));
        await vanishing.WaitAsync(ReaderHarness.Patience);

        using var port = Open(link, FeigTiming.DefaultBaudRate, Parity.Even);
        var request = new FeigGetSoftwareVersionRequest();
        var bytes = FeigEncoder.Encode(request);
        port.BaseStream.Write(bytes);
        TimeSpan? delay = null;
        ReaderHarness.WaitUntil(() => (delay = simulator.Responder.PendingReplyDelay) is not null, "the reply to be held back");
        clock.Advance(delay!.Value);
        var reply = ReadFeig(port, request);

        Assert.False(linkWhileGone);
        Assert.True(simulator.IsPluggedIn);
        Assert.Equal(simulator.SlavePath, new FileInfo(link).LinkTarget);
        Assert.IsType<FeigSoftwareVersionResponse>(reply);
    }

    private static SerialPort Open(string path, int baudRate, Parity parity)
    {
        // Handshake.None for binary frames, DTR and RTS off: a pty refuses the modem-line ioctls (a pty has no modem lines).
        var port = new SerialPort(path, baudRate, parity, 8, StopBits.One)
        {
            Handshake = Handshake.None,
            DtrEnable = false,
            RtsEnable = false,
            ReadTimeout = (int)ReaderHarness.Patience.TotalMilliseconds,
            WriteTimeout = (int)ReaderHarness.Patience.TotalMilliseconds,
        };
        port.Open();
        return port;
    }

    private static FeigResponse ExchangeFeig(SerialPort port, FeigRequest request)
    {
        port.BaseStream.Write(FeigEncoder.Encode(request));
        return ReadFeig(port, request);
    }

    private static FeigResponse ReadFeig(SerialPort port, FeigRequest request)
    {
        var decoder = new FeigFrameDecoder(FrameDirection.ReaderToHost) { PendingRequest = request };
        var buffer = new byte[512];
        while (true)
        {
            if (decoder.TryRead(out var result))
            {
                return result.Response ?? throw new InvalidDataException(result.Error?.Reason);
            }

            decoder.Feed(buffer.AsSpan(0, port.BaseStream.Read(buffer)));
        }
    }

    private static ThreeMResponse ExchangeThreeM(SerialPort port, ThreeMRequest request)
    {
        port.BaseStream.Write(ThreeMEncoder.Encode(request));
        var decoder = new ThreeMFrameDecoder(FrameDirection.ReaderToHost);
        var buffer = new byte[512];
        while (true)
        {
            if (decoder.TryRead(out var result))
            {
                return result.Response ?? throw new InvalidDataException(result.Error?.Reason);
            }

            decoder.Feed(buffer.AsSpan(0, port.BaseStream.Read(buffer)));
        }
    }
}
