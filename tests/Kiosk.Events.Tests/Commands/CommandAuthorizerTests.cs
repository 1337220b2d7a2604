using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
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

    /// <summary>Payloads fuzzing found or that a broken or hostile sender makes: none may throw, each is refused as malformed.</summary>
    public static TheoryData<string, byte[]> Garbage => new()
    {
        // Found by fuzzing: it parses, but the string is not UTF-8, and reading it threw before the signature check.
        { "not UTF-8 in the request", [.. "{\"request\":{\"a\":\""u8, 0xFF, .. "\"},\"signature\":\"00\"}"u8] },
        { "not UTF-8 in the signature", [.. "{\"request\":{},\"signature\":\""u8, 0xC3, 0x28, .. "\"}"u8] },
        { "an overlong UTF-8 form", [.. "{\"request\":{\"command\":\""u8, 0xC0, 0xAF, .. "\"},\"signature\":\"00\"}"u8] },
        { "a lone surrogate escape in the signature", "{\"request\":{},\"signature\":\"\\ud800\"}"u8.ToArray() },
        { "truncated", "{\"request\":{\"command\":\"ping\",\"dev"u8.ToArray() },
        { "empty", [] },
        { "a NUL", [0] },
        { "the request an array", "{\"request\":[],\"signature\":\"00\"}"u8.ToArray() },
        { "the request a string", "{\"request\":\"ping\",\"signature\":\"00\"}"u8.ToArray() },
        { "the signature a number", "{\"request\":{},\"signature\":12}"u8.ToArray() },
        { "the signature null", "{\"request\":{},\"signature\":null}"u8.ToArray() },
        { "null", "null"u8.ToArray() },
        { "huge numbers", "{\"request\":{\"issuedAt\":1e999999999},\"signature\":123456789012345678901234567890e99999}"u8.ToArray() },
        { "deep nesting", Encoding.UTF8.GetBytes("{\"request\":{\"a\":" + new string('[', 100_000) + new string(']', 100_000) + "},\"signature\":\"00\"}") },
        { "two documents", "{\"request\":{},\"signature\":\"00\"}{}"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public void Garbage_is_refused_as_malformed_without_throwing(string what, byte[] payload)
    {
        var decision = Authorizer().Decide("ping", payload);

        Assert.False(decision.Authorised, what);
        Assert.Equal("malformed", decision.RefusalCode);
    }

    [Theory]
    [InlineData("{\"command\":5,\"device\":\"kiosk-01\",\"role\":\"technician\",\"issuedAt\":\"{0}\",\"nonce\":\"nonce-0001\"}")]
    [InlineData("{\"command\":\"ping\",\"device\":\"kiosk-01\",\"role\":\"technician\",\"issuedAt\":1e999999,\"nonce\":\"nonce-0002\"}")]
    [InlineData("{\"command\":\"ping\",\"device\":\"kiosk-01\",\"role\":\"\\udc00\",\"issuedAt\":\"{0}\",\"nonce\":\"nonce-0003\"}")]
    [InlineData("{\"command\":\"ping\",\"device\":\"kiosk-01\",\"role\":\"technician\",\"issuedAt\":\"{0}\",\"nonce\":\"nonce-0004\",\"correlationId\":\"\\ud800x\"}")]
    public void A_signed_request_with_a_field_of_the_wrong_type_or_unreadable_is_refused_as_malformed(string requestTemplate)
    {
        var request = Encoding.UTF8.GetBytes(requestTemplate.Replace("{0}", _time.GetUtcNow().ToString("O"), StringComparison.Ordinal));
        byte[] payload = [.. "{\"request\":"u8, .. request, .. ",\"signature\":\""u8, .. Encoding.ASCII.GetBytes(CommandSigner.Sign(Secret, request)), .. "\"}"u8];

        var decision = Authorizer().Decide("ping", payload);

        Assert.Equal("malformed", decision.RefusalCode);
    }

    [Fact]
    public void The_signature_covers_the_request_bytes_as_sent_escapes_and_spacing_included()
    {
        var request = Encoding.UTF8.GetBytes(
            $"{{ \"command\" : \"ping\", \"device\":\"kiosk-01\",\"role\":\"tech\\u006eician\",\"issuedAt\":\"{_time.GetUtcNow():O}\",\"nonce\":\"nonce-0005\" }}");
        byte[] payload = [.. "{\"request\": "u8, .. request, .. " ,\"signature\":\""u8, .. Encoding.ASCII.GetBytes(CommandSigner.Sign(Secret, request)), .. "\"}"u8];

        var decision = Authorizer().Decide("ping", payload);

        Assert.True(decision.Authorised, decision.Reason);
        Assert.Equal("technician", decision.Request!.Role);
    }

    [Property(MaxTest = 500)]
    public Property Any_bytes_are_refused_without_throwing() => Prop.ForAll(
        Gen.Choose(0, 512).SelectMany(length => Gen.ArrayOf(
            Gen.Frequency((3, Gen.Choose(0, 255).Select(b => (byte)b)), (2, Gen.Elements("{\"request\":{}, \"signature\":\"\\ud800[]1e999"u8.ToArray()))),
            length)).ToArbitrary(),
        payload => Assert.False(Authorizer().Decide("ping", payload).Authorised));

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
