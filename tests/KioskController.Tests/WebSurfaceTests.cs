using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kiosk.Events.Broker;
using KioskController.Hosting.WebSurface;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;

namespace KioskController.Tests;

/// <summary>The kiosk's web surface on a library's network, over real Kestrel: hosts, origins, headers, staff lockout events.</summary>
public sealed class WebSurfaceTests
{
    [Fact]
    public async Task A_plain_text_post_from_another_site_is_refused_as_cross_origin()
    {
        await using var kiosk = await KioskHost.StartAsync();

        foreach (var path in new[] { "/api/session/end", "/api/session/return", "/api/session/receipt", "/sim/api/reader" })
        {
            using var fromOrigin = Post(path, "place TV0001", "text/plain");
            fromOrigin.Headers.Add("Origin", "http://evil.example");
            using var byOrigin = await kiosk.Http.SendAsync(fromOrigin);
            using var fromFetchMetadata = Post(path, "place TV0001", "text/plain");
            fromFetchMetadata.Headers.Add("Sec-Fetch-Site", "cross-site");
            using var byFetchMetadata = await kiosk.Http.SendAsync(fromFetchMetadata);

            Assert.Equal(HttpStatusCode.Forbidden, byOrigin.StatusCode);
            Assert.Equal("crossOrigin", await ReasonAsync(byOrigin));
            Assert.Equal(HttpStatusCode.Forbidden, byFetchMetadata.StatusCode);
            Assert.Equal("crossOrigin", await ReasonAsync(byFetchMetadata));
        }
    }

    [Fact]
    public async Task The_kiosk_s_own_json_posts_and_a_script_s_plain_text_to_the_simulator_are_accepted_and_other_text_bodies_are_not()
    {
        await using var kiosk = await KioskHost.StartAsync();
        var origin = kiosk.Address.GetLeftPart(UriPartial.Authority);

        using var own = Post("/api/staff/access", """{"code":"0000"}""", "application/json");
        own.Headers.Add("Origin", origin);
        own.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var ownAnswer = await kiosk.Http.SendAsync(own);
        using var script = await kiosk.Http.PostAsync(new Uri("/sim/api/reader", UriKind.Relative), new StringContent("place TV0001"));
        using var textToSession = await kiosk.Http.SendAsync(Post("/api/session/end", "end", "text/plain"));

        Assert.Equal(HttpStatusCode.NoContent, ownAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, textToSession.StatusCode);
        Assert.Equal("jsonRequired", await ReasonAsync(textToSession));
    }

    [Fact]
    public async Task A_host_name_not_allowed_gets_400_and_a_configured_one_is_served()
    {
        await using var kiosk = await KioskHost.StartAsync("--Kiosk:AllowedHosts=kiosk-01.library.lan");

        Assert.Equal(HttpStatusCode.BadRequest, (await GetWithHostAsync(kiosk, "evil.example")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetWithHostAsync(kiosk, "kiosk-01.library.lan")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetWithHostAsync(kiosk, "localhost")).StatusCode);
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers_and_no_server_header()
    {
        await using var kiosk = await KioskHost.StartAsync();

        foreach (var path in new[] { "/", "/api/status", "/staff/", "/sim/sim.js" })
        {
            using var answer = await kiosk.Http.GetAsync(new Uri(path, UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Assert.Single(answer.Headers.GetValues("Content-Security-Policy")));
            Assert.Equal("DENY", Assert.Single(answer.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("nosniff", Assert.Single(answer.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("no-referrer", Assert.Single(answer.Headers.GetValues("Referrer-Policy")));
            Assert.False(answer.Headers.Contains("Server"), path);
        }

        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        using var badHost = await GetWithHostAsync(kiosk, "evil.example");
        Assert.Equal("nosniff", Assert.Single(badHost.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task A_staff_lockout_is_published_as_an_event_without_the_code()
    {
        await using var kiosk = await KioskHost.StartAsync("--Kiosk:EmbeddedBroker:Port=0", "--Kiosk:Staff:MaxWrongCodes=2");
        var port = await kiosk.Services.GetRequiredService<EmbeddedBroker>().Started.WaitAsync(TimeSpan.FromSeconds(60));
        var lockout = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var central = new MqttClientFactory().CreateMqttClient();
        central.ApplicationMessageReceivedAsync += args =>
        {
            lockout.TrySetResult(Encoding.UTF8.GetString(args.ApplicationMessage.Payload));
            return Task.CompletedTask;
        };
        await central.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).Build());
        await central.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter => filter
            .WithTopic("library/hn/tvhn/kiosk-01/events/staff.locked-out").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build());

        foreach (var code in new[] { "1357", "2468" })
        {
            (await kiosk.Http.PostAsJsonAsync(new Uri("/api/staff/access", UriKind.Relative), new { code })).Dispose();
        }

        var payload = await lockout.Task.WaitAsync(TimeSpan.FromSeconds(60));
        using var cloudEvent = JsonDocument.Parse(payload);
        var data = cloudEvent.RootElement.GetProperty("data");
        Assert.Equal(1, data.GetProperty("lockout").GetInt32());
        Assert.Equal(2, data.GetProperty("wrongCodes").GetInt32());
        Assert.DoesNotContain("1357", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("2468", payload, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Post(string path, string body, string contentType) =>
        new(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, contentType) };

    private static async Task<HttpResponseMessage> GetWithHostAsync(KioskHost kiosk, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/status", UriKind.Relative));
        request.Headers.Host = host;
        return await kiosk.Http.SendAsync(request);
    }

    private static async Task<string?> ReasonAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("reason").GetString();
    }
}
