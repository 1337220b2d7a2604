using System.Text;
using Kiosk.Events.Commands;
using Kiosk.Events.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Events.Tests.Commands;

public sealed class CommandAuthorizerTests
{
    internal const string Secret = "site-secret-for-tests-0123456789abcdef";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_signed_fresh_command_for_this_device_and_an_allowed_role_is_authorised()
    {
        var decision = Authorizer().Decide("gate-test", Signed("gate-test", "technician"));

        Assert.True(decision.Authorised, decision.Reason);
        Assert.Equal("technician", decision.Request!.Role);
    }

    [Theory]
    [InlineData("not json", "malformed")]
    [InlineData("{\"request\":{}}", "malformed")]
    [InlineData("[1,2]", "malformed")]
    public void A_malformed_payload_is_refused_with_what_was_expected(string payload, string code)
    {
        var decision = Authorizer().Decide("ping", Encoding.UTF8.GetBytes(payload));

        Assert.Equal(code, decision.RefusalCode);
        Assert.Contains("signature", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_signed_with_another_secret_is_refused()
    {
        var decision = Authorizer().Decide("ping", Signed("ping", "technician", secret: "another-secret-0123456789abcdef-xyz"));

        Assert.Equal("bad-signature", decision.RefusalCode);
    }

    [Fact]
    public void A_request_altered_after_signing_is_refused()
    {
        var payload = Encoding.UTF8.GetString(Signed("status", "monitor")).Replace("\"monitor\"", "\"technician\"", StringComparison.Ordinal);

        Assert.Equal("bad-signature", Authorizer().Decide("status", Encoding.UTF8.GetBytes(payload)).RefusalCode);
    }

    [Fact]
    public void A_role_may_run_only_its_allowed_commands()
    {
        var decision = Authorizer().Decide("gate-test", Signed("gate-test", "monitor"));

        Assert.Equal("not-allowed", decision.RefusalCode);
        Assert.Contains("Kiosk:Events:Commands:Roles", decision.Reason, StringComparison.Ordinal);
        Assert.True(Authorizer().Decide("ping", Signed("ping", "monitor")).Authorised);
    }

    [Fact]
    public void A_replayed_nonce_is_refused()
    {
        var authorizer = Authorizer();
        var payload = Signed("ping", "technician");

        Assert.True(authorizer.Decide("ping", payload).Authorised);
        Assert.Equal("replayed", authorizer.Decide("ping", payload).RefusalCode);
    }

    [Fact]
    public void A_command_issued_outside_the_clock_skew_is_refused_as_stale()
    {
        var authorizer = Authorizer();
        var payload = Signed("ping", "technician");
        _time.Advance(TimeSpan.FromMinutes(3));

        var decision = authorizer.Decide("ping", payload);

        Assert.Equal("stale", decision.RefusalCode);
        Assert.Contains("NTP", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_for_another_device_or_on_another_commands_topic_is_refused()
    {
        Assert.Equal("wrong-device", Authorizer().Decide("ping", Signed("ping", "technician", device: "kiosk-02")).RefusalCode);
        Assert.Equal("wrong-topic", Authorizer().Decide("gate-test", Signed("ping", "technician")).RefusalCode);
    }

    [Fact]
    public void Without_a_site_secret_every_command_is_refused()
    {
        var decision = new CommandAuthorizer(new CommandOptions(), "kiosk-01", _time).Decide("ping", Signed("ping", "technician"));

        Assert.Equal("no-secret", decision.RefusalCode);
        Assert.Contains("Kiosk:Events:Commands:Secret", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_site_secret_stops_the_kiosk_naming_the_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new CommandAuthorizer(new CommandOptions { Secret = "short" }, "kiosk-01", _time));

        Assert.Contains("Kiosk:Events:Commands:Secret", error.Message, StringComparison.Ordinal);
    }

    private CommandAuthorizer Authorizer() => new(new CommandOptions { Secret = Secret }, "kiosk-01", _time);

    private byte[] Signed(string command, string role, string secret = Secret, string device = "kiosk-01") =>
        CommandSigner.CreatePayload(secret, new
        {
            command,
            device,
            role,
            issuedAt = _time.GetUtcNow(),
            nonce = Guid.NewGuid().ToString("N"),
        });
}
