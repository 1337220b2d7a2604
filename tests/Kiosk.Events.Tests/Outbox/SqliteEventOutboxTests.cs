using System.Text.Json;
using Kiosk.Events.Envelope;
using Kiosk.Events.Model;
using Kiosk.Events.Options;
using Kiosk.Events.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Events.Tests.Outbox;

public sealed class SqliteEventOutboxTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kiosk-outbox-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private readonly CloudEventEncoder _encoder = new(new Uri("/library/hn/tvhn/kiosk-01", UriKind.Relative));

    private string DatabasePath => Path.Combine(_directory.FullName, "outbox.db");

    [Fact]
    public async Task Appended_events_are_read_back_in_order_with_increasing_sequences()
    {
        using var outbox = Open();
        var receipts = new List<OutboxReceipt>();
        for (var number = 0; number < 20; number++)
        {
            receipts.Add(await outbox.AppendAsync(Checkout(number)));
        }

        var records = outbox.Read(0, 100);

        Assert.Equal(receipts.Select(receipt => receipt.Sequence), records.Select(record => record.Sequence));
        Assert.Equal(Enumerable.Range(0, 20).Select(number => $"item-{number:D4}"), records.Select(ItemId));
        Assert.True(receipts.Zip(receipts.Skip(1)).All(pair => pair.Second.Sequence == pair.First.Sequence + 1));
        Assert.Equal(20, receipts.Select(receipt => receipt.EventId).Distinct().Count());
    }

    [Fact]
    public async Task Events_survive_a_restart_and_the_sequence_continues_after_the_outbox_drained()
    {
        long last;
        using (var outbox = Open())
        {
            for (var number = 0; number < 5; number++)
            {
                await outbox.AppendAsync(Checkout(number));
            }

            var records = outbox.Read(0, 10);
            await outbox.DeleteRangeAsync(records[0].Sequence, records[2].Sequence);
            last = records[^1].Sequence;
        }

        using (var reopened = Open())
        {
            var remaining = reopened.Read(0, 10);
            Assert.Equal(["item-0003", "item-0004"], remaining.Select(ItemId));
            Assert.Equal(2, reopened.Status.Count);
            await reopened.DeleteRangeAsync(remaining[0].Sequence, remaining[^1].Sequence);
        }

        using var again = Open();
        var next = await again.AppendAsync(Checkout(99));
        Assert.True(next.Sequence > last, $"sequence {next.Sequence} must continue after {last} even though the outbox was empty");
    }

    [Fact]
    public async Task At_the_bound_the_oldest_status_event_gives_way_and_transactions_are_kept()
    {
        using var outbox = Open(capacity: 100);
        await outbox.AppendAsync(Status("reader0"));
        await outbox.AppendAsync(Status("printer"));
        var appended = 0;
        while (outbox.Status.DroppedStatusEvents == 0 && appended < 200)
        {
            await outbox.AppendAsync(Checkout(appended++));
        }

        var statuses = outbox.Read(0, 1000).Where(record => record.EventType == KioskEventTypes.DeviceStatusChanged);
        Assert.Equal(["printer"], statuses.Select(record => Data(record).GetProperty("name").GetString()));
        Assert.Equal(appended, outbox.Read(0, 1000).Count(record => record.EventType == KioskEventTypes.ItemCheckedOut));

        await outbox.AppendAsync(Checkout(appended++));

        Assert.DoesNotContain(outbox.Read(0, 1000), record => record.EventType == KioskEventTypes.DeviceStatusChanged);
        Assert.Equal(appended, outbox.Read(0, 1000).Count(record => record.EventType == KioskEventTypes.ItemCheckedOut));
        Assert.Equal(2, outbox.Status.DroppedStatusEvents);
    }

    [Fact]
    public async Task When_only_transactions_remain_a_transaction_is_refused_and_a_status_event_is_dropped()
    {
        using var outbox = Open(capacity: 100);
        OutboxFullException? refused = null;
        var number = 0;
        for (; number < 200 && refused is null; number++)
        {
            try
            {
                await outbox.AppendAsync(Checkout(number));
            }
            catch (OutboxFullException exception)
            {
                refused = exception;
            }
        }

        var dropped = await outbox.AppendAsync(Status("reader0"));

        Assert.NotNull(refused);
        Assert.Contains("Kiosk:Events:Outbox:Capacity", refused.Message, StringComparison.Ordinal);
        Assert.False(dropped.Stored);
        Assert.Equal(OutboxState.Full, outbox.Status.State);
        Assert.Equal(1, outbox.Status.RefusedTransactions);
        var stored = outbox.Read(0, 1000);
        Assert.DoesNotContain(stored, record => ItemId(record) == $"item-{number - 1:D4}");
        Assert.Equal(number - 1, stored.Count(record => record.EventType == KioskEventTypes.ItemCheckedOut));
    }

    [Fact]
    public async Task Filling_up_and_draining_are_themselves_events()
    {
        using var outbox = Open(capacity: 100);
        for (var number = 0; number < 80; number++)
        {
            await outbox.AppendAsync(Checkout(number));
        }

        Assert.Equal(OutboxState.Filling, outbox.Status.State);
        var records = outbox.Read(0, 1000);
        var filling = Assert.Single(records, record => record.EventType == KioskEventTypes.OutboxStateChanged);
        Assert.Equal("filling", Data(filling).GetProperty("state").GetString());

        await outbox.DeleteRangeAsync(records[0].Sequence, records[^1].Sequence);

        Assert.Equal(OutboxState.Healthy, outbox.Status.State);
        var healthy = Assert.Single(outbox.Read(0, 1000));
        Assert.Equal("healthy", Data(healthy).GetProperty("state").GetString());
    }

    [Fact]
    public async Task An_event_carrying_the_current_patrons_identifier_is_refused_and_not_stored()
    {
        var guard = new PatronDataGuard();
        using var outbox = Open(guard: guard);
        using var session = guard.Protect("23000123456", "4711");

        var leak = await Assert.ThrowsAsync<PatronDataLeakException>(() => outbox.AppendAsync(new ItemRefusedData("s1", "23000123456", TransactionOperation.Checkout, "blocked")).AsTask());

        Assert.DoesNotContain("23000123456", leak.Message, StringComparison.Ordinal);
        Assert.Empty(outbox.Read(0, 10));
    }

    [Fact]
    public void An_outbox_path_that_cannot_be_created_names_the_key()
    {
        var blocker = Path.Combine(_directory.FullName, "a-file");
        File.WriteAllText(blocker, "");

        var error = Assert.ThrowsAny<Exception>(() => Open(path: Path.Combine(blocker, "outbox.db")));

        Assert.Contains("Kiosk:Events:Outbox:Path", error.Message + error.InnerException?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_owner_of_the_same_outbox_is_refused_until_the_first_closes_it()
    {
        using (Open())
        {
            var error = Assert.Throws<InvalidOperationException>(() => Open());

            Assert.Contains("in use by another kiosk process", error.Message, StringComparison.Ordinal);
            Assert.Contains("Kiosk:Events:Outbox:Path", error.Message, StringComparison.Ordinal);
        }

        using var reopened = Open();
        Assert.Equal(0, reopened.Status.Count);
    }

    public void Dispose() => _directory.Delete(true);

    private SqliteEventOutbox Open(int capacity = 1000, PatronDataGuard? guard = null, string? path = null) =>
        new(new OutboxOptions { Path = path ?? DatabasePath, Capacity = capacity, Durability = OutboxDurability.Normal },
            _encoder, guard ?? new PatronDataGuard(), _time, NullLogger<SqliteEventOutbox>.Instance);

    private static ItemCheckedOutData Checkout(int number) => new("session-1", $"item-{number:D4}", "Truyện Kiều", null, null);

    private static DeviceStatusChangedData Status(string name) => new(DeviceKind.Reader, name, DeviceStatus.Offline, "no answer");

    private static JsonElement Data(OutboxRecord record) => JsonDocument.Parse(record.Payload).RootElement.GetProperty("data");

    private static string? ItemId(OutboxRecord record) => Data(record).TryGetProperty("itemId", out var id) ? id.GetString() : null;
}
