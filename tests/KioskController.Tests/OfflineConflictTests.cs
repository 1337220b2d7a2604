using System.Net.Http.Json;
using System.Text.Json;
using Kiosk.Simulators.Ils;
using KioskController.Simulation;
using Microsoft.Extensions.DependencyInjection;

namespace KioskController.Tests;

/// <summary>An off-line loan that the ILS refuses on replay lands in the staff list, by item only.</summary>
public sealed class OfflineConflictTests
{
    [Fact]
    public async Task An_offline_loan_of_a_book_the_desk_lent_meanwhile_is_listed_for_staff_after_the_replay()
    {
        await using var kiosk = await KioskHost.StartAsync("--Kiosk:Circulation:OfflineProbeInterval=00:00:01");
        var ils = kiosk.Services.GetRequiredService<EmbeddedIlsService>();
        var coordinator = kiosk.Services.GetRequiredService<Kiosk.Circulation.KioskView>();
        await ils.CutAsync(CancellationToken.None);

        (await kiosk.Http.PostAsJsonAsync(new Uri("/api/session/sign-in", UriKind.Relative), new { card = IlsSampleData.AdultPatron, method = "typed" })).EnsureSuccessStatusCode();
        (await kiosk.Http.PostAsJsonAsync(new Uri("/sim/api/pad", UriKind.Relative), new { action = "place", item = IlsSampleData.SecondAvailableBook })).EnsureSuccessStatusCode();
        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            while (coordinator.Snapshot.Items.Count == 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), wait.Token);
            }
        }

        using var loan = JsonDocument.Parse(await (await kiosk.Http.PostAsJsonAsync(new Uri("/api/session/borrow", UriKind.Relative), new { lang = "vi" })).Content.ReadAsStringAsync());
        Assert.True(loan.RootElement.GetProperty("outcomes")[0].GetProperty("offline").GetBoolean());

        // Meanwhile the desk lent the same book to someone else.
        ils.Simulator!.Library.UpdateItem(IlsSampleData.SecondAvailableBook, item => item with { BorrowerIdentifier = IlsSampleData.HolderPatron, CheckedOutAt = DateTimeOffset.UtcNow, DueDate = DateTimeOffset.UtcNow.AddDays(14) });
        await ils.RestoreAsync(CancellationToken.None);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        JsonElement conflicts;
        while (true)
        {
            using var staff = JsonDocument.Parse(await kiosk.Http.GetStringAsync(new Uri("/api/staff", UriKind.Relative), timeout.Token));
            conflicts = staff.RootElement.GetProperty("offlineConflicts").Clone();
            if (conflicts.GetArrayLength() > 0)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }

        var conflict = conflicts[0];
        Assert.Equal(IlsSampleData.SecondAvailableBook, conflict.GetProperty("itemId").GetString());
        Assert.False(string.IsNullOrEmpty(conflict.GetProperty("reason").GetString()));
        Assert.DoesNotContain(IlsSampleData.AdultPatron, conflicts.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(IlsSampleData.HolderPatron, ils.Simulator.Library.FindItem(IlsSampleData.SecondAvailableBook)!.BorrowerIdentifier);
    }
}
