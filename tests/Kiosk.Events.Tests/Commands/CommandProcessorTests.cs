using System.Text.Json;
using Kiosk.Events.Commands;
using Kiosk.Events.Envelope;
using Kiosk.Events.Model;
using Kiosk.Events.Mqtt;
using Kiosk.Events.Options;
using Kiosk.Events.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Events.Tests.Commands;

/// <summary>The processor over the real authorizer and the real SQLite outbox: what a refusal answers and records.</summary>
public sealed class CommandProcessorTests : IDisposable
{
    private const string Base = "library/hn/tvhn/kiosk-01";
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kiosk-commands-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private readonly SqliteEventOutbox _outbox;
    private readonly CommandProcessor _processor;

    public CommandProcessorTests()
    {
        _outbox = new SqliteEventOutbox(
            new OutboxOptions { Path = Path.Combine(_directory.FullName, "outbox.db"), Durability = OutboxDurability.Normal },
            new CloudEventEncoder(new Uri("/" + Base, UriKind.Relative)), new PatronDataGuard(), _time, NullLogger<SqliteEventOutbox>.Instance);
        _processor = new CommandProcessor(
            new CommandAuthorizer(new CommandOptions { Secret = CommandAuthorizerTests.Secret }, "kiosk-01", _time),
            [new PingCommandHandler(_time)],
            _outbox,
            new TopicMap(new TopicOptions()),
            NullLogger<CommandProcessor>.Instance);
    }

    [Fact]
    public async Task A_payload_that_is_not_UTF_8_is_refused_as_malformed_on_the_reply_topic_and_recorded()
    {
        byte[] payload = [.. "{\"request\":{\"a\":\""u8, 0xFF, .. "\"},\"signature\":\"00\"}"u8];

        var reply = await _processor.ProcessAsync(Base + "/commands/ping", payload, null, null, CancellationToken.None);

        Assert.NotNull(reply);
        Assert.Equal(Base + "/replies/ping", reply.Topic);
        using var body = JsonDocument.Parse(reply.Payload);
        Assert.Equal("refused", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("malformed", body.RootElement.GetProperty("code").GetString());
        Assert.Contains("UTF-8", body.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var refusal = Assert.Single(_outbox.Read(0, 10), record => record.EventType == KioskEventTypes.CommandRefused);
        var data = JsonDocument.Parse(refusal.Payload).RootElement.GetProperty("data");
        Assert.Equal("ping", data.GetProperty("command").GetString());
        Assert.StartsWith("malformed:", data.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[], string> UnreadableCorrelationIds => new()
    {
        { "not UTF-8", [.. "{\"request\":{\"correlationId\":\""u8, 0xFF, .. "\"},\"signature\":\"00\"}"u8], "malformed" },
        { "a lone surrogate", "{\"request\":{\"correlationId\":\"\\ud800\"},\"signature\":\"00\"}"u8.ToArray(), "bad-signature" },
    };

    [Theory]
    [MemberData(nameof(UnreadableCorrelationIds))]
    public async Task An_unreadable_correlation_id_is_not_echoed_and_the_refusal_still_goes_out(string what, byte[] payload, string code)
    {
        var reply = await _processor.ProcessAsync(Base + "/commands/status", payload, "central/replies/9", null, CancellationToken.None);

        Assert.NotNull(reply);
        Assert.Equal("central/replies/9", reply.Topic);
        using var body = JsonDocument.Parse(reply.Payload);
        Assert.Equal(code, body.RootElement.GetProperty("code").GetString());
        Assert.False(body.RootElement.TryGetProperty("correlationId", out _), what);
        Assert.Single(_outbox.Read(0, 10), record => record.EventType == KioskEventTypes.CommandRefused);
    }

    public void Dispose()
    {
        _outbox.Dispose();
        _directory.Delete(true);
    }
}
