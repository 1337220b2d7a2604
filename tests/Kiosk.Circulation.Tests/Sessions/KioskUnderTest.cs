using Kiosk.Circulation.Availability;
using Kiosk.Circulation.Pad;
using Kiosk.Circulation.Security;
using Kiosk.Circulation.Sessions;
using Kiosk.Circulation.Staff;
using Kiosk.Circulation.Transactions;
using Kiosk.Devices.Rfid;
using Microsoft.Extensions.DependencyInjection;

namespace Kiosk.Circulation.Tests.Sessions;

/// <summary>
/// One kiosk's circulation as a process composes it (AddCirculationKiosk over its own service provider), with the calls
/// the tests make on it in one place. A request that the circulation answers "not now" (no session, ILS down, busy)
/// throws here, as the tests expect of a call that cannot be made.
/// </summary>
internal sealed class KioskUnderTest(ServiceProvider services) : IDisposable
{
    /// <summary>The wait before an unreadable tag is read again.</summary>
    public static TimeSpan UnreadTagRetryDelay => PadModel.UnreadTagRetryDelay;

    public KioskSnapshot Snapshot => services.GetRequiredService<KioskView>().Snapshot;

    public SecuritySwitcher Switcher => services.GetRequiredService<SecuritySwitcher>();

    public Task LastReplay => services.GetRequiredService<IlsAvailability>().LastReplay;

    private PatronSessions Sessions => services.GetRequiredService<PatronSessions>();

    public async Task<int> RecoverAsync()
    {
        var recovered = await services.GetRequiredService<SecurityRecovery>().RecoverAsync(CancellationToken.None);
        await services.GetRequiredService<IlsAvailability>().StartAsync(CancellationToken.None);
        return recovered;
    }

    public Task HandleReaderEventAsync(RfidReaderEvent readerEvent, CancellationToken cancellationToken = default) =>
        services.GetRequiredService<PadFeed>().HandleAsync(readerEvent, cancellationToken);

    public Task<SignInResult> SignInAsync(string cardNumber, SignInMethod method) => Sessions.SignInAsync(cardNumber, method);

    public async Task<SignInResult> SubmitPinAsync(string pin) => Carried(await Sessions.SubmitPinAsync(pin));

    public async Task<PatronAccount> GetAccountAsync() => Carried(await services.GetRequiredService<PatronAccounts>().GetAccountAsync());

    public Task<PadItem> ScanItemAsync(string itemId) => services.GetRequiredService<PadModel>().ScanInAsync(itemId, Sessions.Current?.Id);

    public async Task<IReadOnlyList<ItemOutcome>> ConfirmBorrowAsync() => Carried(await services.GetRequiredService<Lending>().BorrowAsync());

    public Task<CirculationResult<IReadOnlyList<ItemOutcome>>> TryBorrowAsync() => services.GetRequiredService<Lending>().BorrowAsync();

    public async Task<IReadOnlyList<ItemOutcome>> ReturnAsync() => Carried(await services.GetRequiredService<Returning>().ReturnAsync());

    public async Task<ItemOutcome> RenewAsync(string itemId) => Carried(await services.GetRequiredService<Renewing>().RenewAsync(itemId));

    public async Task<IReadOnlyList<ItemOutcome>> RenewAllAsync() => Carried(await services.GetRequiredService<Renewing>().RenewAllAsync());

    public Task<CirculationResult<IReadOnlyList<ItemOutcome>>> TryRenewAllAsync() => services.GetRequiredService<Renewing>().RenewAllAsync();

    public void KeepAlive() => Sessions.KeepAlive();

    public Task<SessionEndResult> EndSessionAsync() => Sessions.EndSessionAsync();

    public Task<StaffList> StaffListAsync() => services.GetRequiredService<StaffDesk>().StaffListAsync();

    public Task<bool> ResolveSecurityEntryAsync(long id) => services.GetRequiredService<StaffDesk>().ResolveSecurityEntryAsync(id);

    public Task<bool> ResolveOfflineConflictAsync(long id) => services.GetRequiredService<StaffDesk>().ResolveOfflineConflictAsync(id);

    public void Dispose() => services.Dispose();

    private static T Carried<T>(CirculationResult<T> result) =>
        result.IsOk ? result.Value! : throw new InvalidOperationException($"The circulation did not carry the request out: {result.Code}.");
}
