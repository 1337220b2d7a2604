using System.Net.Http.Json;
using System.Text.Json;
using Kiosk.Simulators.Ils;
using KioskController.Simulation;
using Microsoft.Extensions.DependencyInjection;

namespace KioskController.Tests;

/// <summary>Printer trouble never blocks a loan: the patron is told, and the receipt can be printed later.</summary>
public sealed class ReceiptTroubleTests
{
    [Fact]
    public async Task A_loan_goes_through_with_the_printer_out_of_paper_and_its_receipt_prints_once_paper_is_back()
    {
        await using var kiosk = await KioskHost.StartAsync("--Kiosk:Receipts:PrintTimeout=00:00:05");
        var printer = kiosk.Services.GetRequiredService<EmbeddedPrinterSetup>().Simulator;
        var ils = kiosk.Services.GetRequiredService<EmbeddedIlsService>().Simulator!;
        (await kiosk.Http.PostAsJsonAsync(new Uri("/api/session/sign-in", UriKind.Relative), new { card = IlsSampleData.AdultPatron, method = "typed" })).EnsureSuccessStatusCode();
        (await kiosk.Http.PostAsJsonAsync(new Uri("/api/session/pin", UriKind.Relative), new { pin = IlsSampleData.AdultPin })).EnsureSuccessStatusCode();
        (await kiosk.Http.PostAsJsonAsync(new Uri("/sim/api/pad", UriKind.Relative), new { action = "place", item = IlsSampleData.AvailableBook })).EnsureSuccessStatusCode();
        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            while (kiosk.Services.GetRequiredService<Kiosk.Circulation.KioskView>().Snapshot.Items.Count == 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), wait.Token);
            }
        }

        printer.PaperEnd = true;
        using var loan = JsonDocument.Parse(await (await kiosk.Http.PostAsJsonAsync(new Uri("/api/session/borrow", UriKind.Relative), new { lang = "vi" })).Content.ReadAsStringAsync());
        using var failed = JsonDocument.Parse(await (await kiosk.Http.PostAsync(new Uri("/api/session/receipt", UriKind.Relative), null)).Content.ReadAsStringAsync());
        printer.PaperEnd = false;
        using var later = JsonDocument.Parse(await (await kiosk.Http.PostAsync(new Uri("/api/session/receipt", UriKind.Relative), null)).Content.ReadAsStringAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var printed = await printer.WaitForReceiptAsync(timeout.Token);

        Assert.True(loan.RootElement.GetProperty("outcomes")[0].GetProperty("succeeded").GetBoolean());
        Assert.Equal(IlsSampleData.AdultPatron, ils.Library.FindItem(IlsSampleData.AvailableBook)!.BorrowerIdentifier);
        Assert.False(failed.RootElement.GetProperty("printed").GetBoolean());
        Assert.False(string.IsNullOrEmpty(failed.RootElement.GetProperty("problem").GetString()));
        Assert.True(later.RootElement.GetProperty("printed").GetBoolean());
        Assert.Contains("Truyện Kiều", printed.Text, StringComparison.Ordinal);
    }
}
