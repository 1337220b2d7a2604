using System.Device.Gpio;
using Kiosk.Circulation.Gates;
using Kiosk.Devices.Gates;
using Kiosk.Ils.Tests.Support;
using Kiosk.Simulators.Gates;
using Kiosk.Simulators.Ils;
using Kiosk.Simulators.Rfid;
using Microsoft.Extensions.Options;

namespace Kiosk.Circulation.Tests.Gates;

/// <summary>
/// The gate's second event: the title from the ILS simulator over real TCP, after an alarm raised through the FEIG reader
/// simulator on a real pty; and the alarm alone when the ILS is gone.
/// </summary>
public sealed class GateAlarmEnricherTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task An_alarmed_book_gets_its_title_from_the_ILS_in_a_second_event()
    {
        await using var ils = await IlsFixture.StartAsync();
        ils.Simulator.Library.AddOrReplaceItem(new IlsItem { Identifier = "TV0102", Title = "Truyện Kiều, tập 2", Author = "Nguyễn Du" });
        await using var chain = new GateChain();
        var events = chain.Hub.Subscribe();
        await using var enricher = new GateAlarmEnricher(chain.Hub, ils.Client(), Options.Create(new GateAlarmEnricherOptions()), TimeProvider.System);
        await enricher.StartAsync(CancellationToken.None);
        await chain.StartAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        var book = LibraryTagFactory.CreateItem("TV0102", "VN-HN-TVHN", secured: true);

        var walk = chain.Walks().PlayAsync(WalkThroughSimulator.Plan(WalkScenarios.OneWalker(1.4, [book]), new GateGeometry()), timeout.Token);
        var seen = new List<GateEvent>();
        var enriched = await GateChain.NextAsync<GateAlarmEnriched>(events, seen, timeout.Token);
        await walk;

        var raised = Assert.Single(seen.OfType<GateAlarmRaised>());
        Assert.True(seen.IndexOf(raised) < seen.IndexOf(enriched), "the alarm event comes first");
        Assert.Equal((raised.AlarmId, "TV0102", "Truyện Kiều, tập 2", (string?)null), (enriched.AlarmId, enriched.ItemId, enriched.Title, enriched.Problem));
        Assert.Equal(1, ils.Simulator.HandledCount("17"));
    }

    [Fact]
    public async Task The_alarm_sounds_while_the_ILS_is_unreachable_and_the_title_is_reported_missing()
    {
        var ils = await IlsFixture.StartAsync();
        var client = ils.Client(options => options.ConnectTimeout = TimeSpan.FromMilliseconds(500));
        await ils.Simulator.StopAsync();
        await using var chain = new GateChain();
        var events = chain.Hub.Subscribe();
        await using var enricher = new GateAlarmEnricher(chain.Hub, client, Options.Create(new GateAlarmEnricherOptions { LookupTimeout = TimeSpan.FromSeconds(2) }), TimeProvider.System);
        await enricher.StartAsync(CancellationToken.None);
        await chain.StartAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        var book = LibraryTagFactory.CreateItem("TV0001", "VN-HN-TVHN", secured: true);

        chain.Field.Place(book, antenna: 2);
        var seen = new List<GateEvent>();
        var raised = await GateChain.NextAsync<GateAlarmRaised>(events, seen, timeout.Token);
        Assert.Equal(PinValue.High, chain.Driver.LevelOf(GateChain.LightPin));
        Assert.Equal(book.Uid, raised.Uid);

        var enriched = await GateChain.NextAsync<GateAlarmEnriched>(events, seen, timeout.Token);
        Assert.Equal(raised.AlarmId, enriched.AlarmId);
        Assert.Null(enriched.Title);
        Assert.Contains("the ILS", enriched.Problem, StringComparison.Ordinal);
        await ils.DisposeAsync();
    }
}
