using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KioskController.Api.Staff;

namespace KioskController.Tests;

/// <summary>The staff API over real HTTP, and the staff code's checks at start.</summary>
public sealed class StaffEndpointTests
{
    [Fact]
    public async Task Dealing_with_an_entry_needs_the_staff_code_and_wrong_codes_in_a_row_lock_codes_out()
    {
        await using var kiosk = await KioskHost.StartAsync("--Kiosk:Staff:MaxWrongCodes=3");

        // The list itself stays open, as before, with its new fields only added.
        using (var list = JsonDocument.Parse(await kiosk.Http.GetStringAsync(new Uri("/api/staff", UriKind.Relative))))
        {
            Assert.Equal(JsonValueKind.Array, list.RootElement.GetProperty("security").ValueKind);
            Assert.Equal(JsonValueKind.Array, list.RootElement.GetProperty("offlineConflicts").ValueKind);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await AccessAsync(kiosk, "0000")).StatusCode);
        var notListed = await ResolveAsync(kiosk, "offline", 4242, "0000");
        Assert.Equal(HttpStatusCode.NotFound, notListed.StatusCode);
        Assert.Equal("notListed", await ReasonAsync(notListed));

        var missing = await ResolveAsync(kiosk, "security", 1, null);
        Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        Assert.Equal("wrongCode", await ReasonAsync(missing));
        Assert.Contains("X-Staff-Code", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await AccessAsync(kiosk, "1111")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ResolveAsync(kiosk, "offline", 1, "2222")).StatusCode);

        // Three wrong in a row: now even the right code waits.
        var locked = await AccessAsync(kiosk, "0000");
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Equal("lockedOut", await ReasonAsync(locked));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await ResolveAsync(kiosk, "security", 1, "0000")).StatusCode);
    }

    [Theory]
    [InlineData("", false, "Kiosk:Staff:AccessCode is not set")]
    [InlineData("12ab", true, "Kiosk:Staff:AccessCode must be 4 to 12 digits")]
    [InlineData("123", true, "Kiosk:Staff:AccessCode must be 4 to 12 digits")]
    [InlineData("0000", false, "simulated run's published default")]
    public void A_missing_malformed_or_published_staff_code_stops_the_kiosk_at_start_naming_the_key(string code, bool simulated, string expected)
    {
        var result = new StaffOptionsValidator(simulated).Validate(null, new StaffOptions { AccessCode = code });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0000", true)]
    [InlineData("482916", false)]
    public void A_staff_code_of_digits_is_accepted_and_the_published_default_only_in_a_simulated_run(string code, bool simulated) =>
        Assert.True(new StaffOptionsValidator(simulated).Validate(null, new StaffOptions { AccessCode = code }).Succeeded);

    private static Task<HttpResponseMessage> AccessAsync(KioskHost kiosk, string code) =>
        kiosk.Http.PostAsJsonAsync(new Uri("/api/staff/access", UriKind.Relative), new { code });

    private static async Task<HttpResponseMessage> ResolveAsync(KioskHost kiosk, string kind, long id, string? code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/staff/{kind}/{id}/resolve", UriKind.Relative));
        if (code is not null)
        {
            request.Headers.Add(StaffEndpoints.CodeHeader, code);
        }

        return await kiosk.Http.SendAsync(request);
    }

    private static async Task<string?> ReasonAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("reason").GetString();
    }
}
