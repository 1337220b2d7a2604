using Kiosk.Circulation.DomainEvents;
using Kiosk.Ils;
using S = Kiosk.Simulators.Ils.IlsSampleData;

namespace Kiosk.Circulation.Tests.Sessions;

/// <summary>
/// The kiosk against an ILS that serves one session per SIP login and leaves a second concurrent login unanswered, as
/// Evergreen's SIPServer was seen to: over real TCP, with the default pool of ten connections.
/// </summary>
public sealed class OneSessionPerLoginTests
{
    [Fact]
    public async Task Loans_go_through_on_the_one_session_and_the_kiosk_never_goes_offline()
    {
        // The client's login timeout runs out on the real clock: nothing else would end an unanswered login.
        await using var rig = await KioskRig.StartAsync(configureClient: o => o.RequestTimeout = TimeSpan.FromSeconds(1), clientTime: TimeProvider.System);
        rig.Ils.Simulator.Faults.OneSessionPerLogin = true;
        await rig.SignInWithPinAsync(S.AdultPatron, S.AdultPin);
        await rig.PlaceAsync((S.AvailableBook, 1, [1]), (S.SecondAvailableBook, 1, [1]), (S.ThirdAvailableBook, 1, [1]));

        var outcomes = await rig.Kiosk.ConfirmBorrowAsync();

        Assert.All(outcomes, o => Assert.Equal(ItemOutcomeStatus.Done, o.Status));
        Assert.All([S.AvailableBook, S.SecondAvailableBook, S.ThirdAvailableBook], id => Assert.Equal(S.AdultPatron, rig.Library.FindItem(id)!.BorrowerIdentifier));
        Assert.True(rig.Ils.Simulator.Faults.UnansweredLogins >= 1, "the ILS never left a login unanswered; the test proves nothing");
        Assert.True(rig.Kiosk.Snapshot.IlsReachable);
        Assert.Empty(rig.Events.OfType<OfflineEntered>());
        Assert.Equal(Sip2LinkStatus.Online, rig.Client.Status);
        Assert.Equal(1, rig.Client.Pool.Effective);
        rig.AssertNothingLeaks(S.AdultPatron, S.AdultPin);
    }
}
