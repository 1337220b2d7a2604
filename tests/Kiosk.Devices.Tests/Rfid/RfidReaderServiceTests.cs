using Kiosk.Devices.Rfid;
using Kiosk.Devices.Transports;
using Kiosk.Protocols.Readers;
using Kiosk.Simulators.Rfid;

namespace Kiosk.Devices.Tests.Rfid;

/// <summary>The polling service against the FEIG simulator over a real pty, on the real clock with short intervals.</summary>
public sealed class RfidReaderServiceTests
{
    private static readonly SerialSupervisorOptions QuickReconnect = new()
    {
        ReconnectMinDelay = TimeSpan.FromMilliseconds(20),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
    };

    private static readonly TagPresenceOptions Immediate = new() { ArrivalConfirmations = 1, DepartureGrace = TimeSpan.Zero };

    [Fact]
    public async Task Tags_placed_one_by_one_arrive_one_by_one_and_a_lifted_tag_leaves()
    {
        await using var rig = ReaderRig.Create(RfidReaderProtocol.Feig);
        await using var service = new RfidReaderService(rig.Profile, rig.CreateTransport(), Immediate, QuickReconnect, TimeProvider.System);
        using var timeout = TestTimeouts.Start();
        await service.StartAsync(timeout.Token);
        await NextAsync<RfidReaderStatusChanged>(service, timeout.Token, s => s.Status == RfidReaderStatus.Connected);

        foreach (var tag in LibraryTagFactory.CreateSampleStack(3))
        {
            rig.Field.Place(tag);
            var arrived = await NextAsync<RfidTagArrived>(service, timeout.Token);
            Assert.Equal(tag.Uid, arrived.Uid);
            Assert.Equal(1, arrived.Antenna);
        }

        var lifted = rig.Field.AllTags()[1];
        rig.Field.Remove(lifted.Uid);
        var left = await NextAsync<RfidTagLeft>(service, timeout.Token);
        Assert.Equal(lifted.Uid, left.Uid);
        Assert.False(left.ReaderLost);
    }

    [Fact]
    public async Task A_vanished_port_reports_present_tags_as_left_then_the_loss_and_the_reader_reconnects_when_it_returns()
    {
        var link = Path.Combine(Path.GetTempPath(), "kiosk-reader-test-" + Guid.NewGuid().ToString("N"));
        await using var rig = ReaderRig.Create(RfidReaderProtocol.Feig, linkPath: link);
        var stack = LibraryTagFactory.CreateSampleStack(2);
        rig.Field.PlaceAll(stack);
        await using var service = new RfidReaderService(rig.Profile, rig.CreateTransport(), Immediate, QuickReconnect, TimeProvider.System);
        using var timeout = TestTimeouts.Start();
        await service.StartAsync(timeout.Token);
        var arrivals = new[] { await NextAsync<RfidTagArrived>(service, timeout.Token), await NextAsync<RfidTagArrived>(service, timeout.Token) };
        Assert.Equal(stack.Select(t => t.Uid.Value).Order(), arrivals.Select(a => a.Uid.Value).Order());

        await rig.Simulator.UnplugAsync();

        var gone = new[] { await NextAsync<RfidTagLeft>(service, timeout.Token), await NextAsync<RfidTagLeft>(service, timeout.Token) };
        Assert.All(gone, left => Assert.True(left.ReaderLost));
        Assert.Equal(stack.Select(t => t.Uid.Value).Order(), gone.Select(a => a.Uid.Value).Order());
        var lost = await NextAsync<RfidReaderStatusChanged>(service, timeout.Token, s => s.Status == RfidReaderStatus.Disconnected);
        Assert.Equal(link, lost.PortName);
        Assert.False(string.IsNullOrWhiteSpace(lost.Reason));
        var refused = await service.SetSecurityAsync(stack[0].Uid, secured: false, timeout.Token);
        Assert.False(refused.Verified);
        Assert.Contains("not connected", refused.Failure, StringComparison.Ordinal);

        rig.Simulator.Plug();

        await NextAsync<RfidReaderStatusChanged>(service, timeout.Token, s => s.Status == RfidReaderStatus.Connected);
        var back = await NextAsync<RfidTagArrived>(service, timeout.Token);
        Assert.Contains(back.Uid, stack.Select(t => t.Uid));
        var switched = await service.SetSecurityAsync(back.Uid, secured: false, timeout.Token);
        Assert.True(switched.Verified, switched.Failure);
    }

    [Fact]
    public async Task A_gate_profile_polls_secured_items_only()
    {
        await using var rig = ReaderRig.Create(RfidReaderProtocol.Feig);
        rig.Profile.PollSecuredOnly = true;
        var loaned = LibraryTagFactory.CreateItem("TV0001", "VN-HN-TVHN", secured: false);
        var secured = LibraryTagFactory.CreateItem("TV0002", "VN-HN-TVHN", secured: true);
        rig.Field.PlaceAll([loaned, secured]);
        await using var service = new RfidReaderService(rig.Profile, rig.CreateTransport(), Immediate, QuickReconnect, TimeProvider.System);
        using var timeout = TestTimeouts.Start();
        await service.StartAsync(timeout.Token);

        var arrived = await NextAsync<RfidTagArrived>(service, timeout.Token);
        Assert.Equal(secured.Uid, arrived.Uid);
        Assert.Equal((byte)rig.Profile.SecuredAfi, ((FeigReaderSimulator)rig.Simulator).Feig.Configuration.InventoryAfi);
    }

    private static async Task<T> NextAsync<T>(RfidReaderService service, CancellationToken cancellationToken, Func<T, bool>? match = null)
        where T : RfidReaderEvent
    {
        while (true)
        {
            var item = await service.Events.ReadAsync(cancellationToken);
            if (item is T wanted && (match is null || match(wanted)))
            {
                return wanted;
            }
        }
    }
}
