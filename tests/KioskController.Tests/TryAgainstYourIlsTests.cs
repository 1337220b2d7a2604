using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KioskController.Simulation;
using Microsoft.Extensions.DependencyInjection;

namespace KioskController.Tests;

/// <summary>
/// A library trying the kiosk against its own ILS before it buys hardware: <c>Kiosk:Simulators:Ils=false</c> and
/// <c>Kiosk:Sip2</c> pointing at an ILS in another process, with the pad, scanner and printer still simulated.
/// </summary>
public sealed class TryAgainstYourIlsTests
{
    [Fact]
    public async Task Against_an_ILS_in_its_own_process_the_simulated_pad_lends_a_book_and_takes_it_back()
    {
        await using var ils = await SeparateIls.StartAsync();
        var folder = Directory.CreateTempSubdirectory("kiosk-try-").FullName;
        try
        {
            await using var kiosk = await KioskHost.StartAsync(
                "--Kiosk:Simulators:Ils=false",
                "--Kiosk:EmbeddedBroker:Port=0",
                "--Kiosk:Sip2:Host=127.0.0.1",
                $"--Kiosk:Sip2:Port={ils.Port}",
                "--Kiosk:Sip2:UserId=kiosk",
                $"--Kiosk:Sip2:Password={SeparateIls.Password}",
                $"--Kiosk:Storage:DatabasePath={Path.Combine(folder, "circulation.db")}");

            // No ILS runs inside the kiosk; the devices are still simulated, and /sim is there to place books.
            Assert.Null(kiosk.Services.GetService<EmbeddedIlsService>());
            Assert.NotNull(kiosk.Services.GetService<EmbeddedReaderSetup>());
            await kiosk.WaitForStatusAsync(status => status.GetProperty("ils").GetProperty("status").GetString() == "online");

            // The panel places any item id the ILS knows, and says so of one it does not.
            var unknown = await kiosk.Http.PostAsJsonAsync(new Uri("/sim/api/pad", UriKind.Relative), new { action = "place", item = "KHONGCO-404" });
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Contains("does not know item 'KHONGCO-404'", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var view = kiosk.Services.GetRequiredService<Kiosk.Circulation.KioskView>();
            await PostAsync(kiosk, "/api/session/sign-in", new { card = "BD0001", method = "typed" });
            await PostAsync(kiosk, "/api/session/pin", new { pin = "1234" });
            await PostAsync(kiosk, "/sim/api/pad", new { action = "place", item = "TV0001" });
            await WaitAsync(() => Task.FromResult(view.Snapshot.Items.Any(item => item.ItemId == "TV0001" && item.Title is not null)), "the book's title from the ILS");

            var shelf = kiosk.Services.GetRequiredService<SimulatedShelf>();
            Assert.Equal((byte)0x07, shelf.AfiOf("TV0001"));
            var borrowed = await PostAsync(kiosk, "/api/session/borrow", new { lang = "vi" });
            AssertDone(borrowed, "checkout");
            Assert.Equal((byte)0xC2, shelf.AfiOf("TV0001"));

            // The other process's ILS now holds the loan: it answers the return, and the tag is secured again.
            var returned = await PostAsync(kiosk, "/api/session/return", new { lang = "vi" });
            AssertDone(returned, "return");
            Assert.Equal((byte)0x07, shelf.AfiOf("TV0001"));
            (await kiosk.Http.PostAsync(new Uri("/api/session/end", UriKind.Relative), null)).EnsureSuccessStatusCode();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void AssertDone(string answer, string operation)
    {
        var outcome = Assert.Single(JsonDocument.Parse(answer).RootElement.GetProperty("outcomes").EnumerateArray());
        Assert.True(outcome.GetProperty("operation").GetString() == operation && outcome.GetProperty("succeeded").GetBoolean(), answer);
        Assert.Equal("TV0001", outcome.GetProperty("itemId").GetString());
    }

    private static async Task<string> PostAsync(KioskHost kiosk, string path, object body)
    {
        using var response = await kiosk.Http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return text;
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            try
            {
                // Polls what the host's own threads make true; the token caps the wait on a starved machine.
                await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Waited 60 s for {what}.");
            }
        }
    }
}
