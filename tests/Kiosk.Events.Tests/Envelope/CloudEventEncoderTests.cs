using System.Reflection;
using System.Text;
using System.Text.Json;
using Kiosk.Events.Envelope;
using Kiosk.Events.Model;

namespace Kiosk.Events.Tests.Envelope;

public sealed class CloudEventEncoderTests
{
    private static readonly DateTimeOffset s_time = new(2026, 11, 24, 9, 30, 0, TimeSpan.Zero);
    private readonly CloudEventEncoder _encoder = new(new Uri("/library/hn/tvhn/kiosk-01", UriKind.Relative));

    [Fact]
    public void An_event_is_a_structured_CloudEvents_1_0_document_with_id_source_time_type_and_sequence()
    {
        var json = _encoder.Encode(new ItemReturnedData("s-7", "TV0001", "Số đỏ", "A3"), "0193-id", 42, s_time);

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("1.0", root.GetProperty("specversion").GetString());
        Assert.Equal("0193-id", root.GetProperty("id").GetString());
        Assert.Equal("/library/hn/tvhn/kiosk-01", root.GetProperty("source").GetString());
        Assert.Equal(KioskEventTypes.ItemReturned, root.GetProperty("type").GetString());
        Assert.Equal(s_time, root.GetProperty("time").GetDateTimeOffset());
        Assert.Equal("application/json", root.GetProperty("datacontenttype").GetString());
        Assert.Equal("00000000000000000042", root.GetProperty("sequence").GetString());
        Assert.Equal("Số đỏ", root.GetProperty("data").GetProperty("title").GetString());
        Assert.Equal("A3", root.GetProperty("data").GetProperty("sortBin").GetString());

        var decoded = _encoder.Decode(json);
        Assert.Equal(42, CloudEventEncoder.ReadSequence(decoded));
        Assert.Equal("0193-id", decoded.Id);
    }

    [Fact]
    public void Sequences_compare_as_strings_in_numeric_order()
    {
        Assert.True(string.CompareOrdinal(CloudEventEncoder.FormatSequence(9), CloudEventEncoder.FormatSequence(10)) < 0);
        Assert.True(string.CompareOrdinal(CloudEventEncoder.FormatSequence(99_999), CloudEventEncoder.FormatSequence(100_000)) < 0);
    }

    [Fact]
    public void Every_event_type_is_unique_prefixed_and_a_valid_topic_level()
    {
        var types = SampleEvents().Select(sample => sample.EventType).ToArray();

        Assert.Equal(types.Length, types.Distinct().Count());
        Assert.All(types, type => Assert.StartsWith(KioskEventTypes.Prefix, type, StringComparison.Ordinal));
        Assert.All(types, type => Assert.Matches("^[a-z]+(\\.[a-z]+(-[a-z]+)*)+$", KioskEventTypes.TopicLevel(type)));
        var declared = typeof(KioskEventTypes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.Name != nameof(KioskEventTypes.Prefix))
            .Select(field => (string)field.GetRawConstantValue()!);
        Assert.Equal(declared.Order(), types.Order());
    }

    [Fact]
    public void No_event_record_has_a_member_that_could_carry_a_patron_identifier_name_or_PIN()
    {
        var guard = new PatronDataGuard();
        foreach (var sample in SampleEvents())
        {
            var json = _encoder.Encode(sample, "id", 1, s_time);
            guard.Check(json, sample.EventType);
            var members = sample.GetType().GetProperties().Select(property => property.Name.ToUpperInvariant());
            Assert.DoesNotContain(members, name => name is "PATRONID" or "PATRONIDENTIFIER" or "PATRONNAME" or "PIN" or "CARDNUMBER" or "PATRONBARCODE");
        }
    }

    [Fact]
    public void The_guard_finds_a_protected_patron_identifier_anywhere_in_an_event_and_a_PIN_only_as_a_whole_value()
    {
        var guard = new PatronDataGuard();
        using (guard.Protect("23000123456", "2026"))
        {
            // The PIN "2026" is inside the time and the sequence, but not a whole value: no false alarm.
            guard.Check(_encoder.Encode(new OfflineModeEnteredData("ils down"), "id", 2026_000, s_time), KioskEventTypes.OfflineModeEntered);

            Assert.Throws<PatronDataLeakException>(() => guard.Check(_encoder.Encode(new SessionStartedData("s1", "card 23000123456", "vi"), "id", 1, s_time), "t"));
            Assert.Throws<PatronDataLeakException>(() => guard.Check(_encoder.Encode(new ItemRefusedData("s1", "2026", TransactionOperation.Checkout, "x"), "id", 1, s_time), "t"));
            Assert.Throws<PatronDataLeakException>(() => guard.Check(Encoding.UTF8.GetBytes("{\"data\":{\"pin\":\"x\"}}"), "t"));
        }

        // After the session the values are no longer protected.
        guard.Check(_encoder.Encode(new SessionStartedData("s1", "card 23000123456", "vi"), "id", 1, s_time), "t");
    }

    internal static IReadOnlyList<KioskEventData> SampleEvents() =>
    [
        new SessionStartedData("s1", "9f86d081884c7d659a2feaa0c55ad015", "vi"),
        new SessionEndedData("s1", null, 2, 1, 0, "finished"),
        new ItemCheckedOutData("s1", "TV0001", "Truyện Kiều", s_time.AddDays(14), null),
        new ItemReturnedData(null, "TV0002", null, null),
        new ItemRenewedData("s1", "TV0003", s_time.AddDays(28), null),
        new ItemRefusedData("s1", "TV0004", TransactionOperation.Checkout, "hold-for-other-patron"),
        new SecuritySwitchFailedData("TV0005", TransactionOperation.Checkout, "verify"),
        new ItemRemovedBeforeSwitchData("s1", "TV0009"),
        new SecurityRecoveredData("TV0010", TransactionOperation.Return, Secured: true, NeedsStaff: false),
        new SecurityResolvedData("42", "TV0010", TransactionOperation.Return),
        new GateAlarmData("gate-north", "a1", "TV0006", "out"),
        new GateAlarmEnrichedData("gate-north", "a1", "TV0006", "Dế mèn phiêu lưu ký", false),
        new GatePassageCountsData("gate-north", s_time, s_time.AddHours(1), 40, 38, 1),
        new DeviceStatusChangedData(DeviceKind.Printer, "printer", DeviceStatus.Degraded, "paper near end"),
        new OfflineModeEnteredData("ils unreachable"),
        new OfflineModeLeftData(TimeSpan.FromMinutes(12), 3),
        new OfflineTransactionReplayedData("t1", TransactionOperation.Return, "TV0007"),
        new OfflineTransactionConflictData("t2", TransactionOperation.Checkout, "TV0008", "item-on-hold"),
        new OfflineConflictResolvedData("t2", TransactionOperation.Checkout, "TV0008", "item-on-loan-to-someone-else"),
        new OutboxStateChangedData(Kiosk.Events.Outbox.OutboxState.Filling, 160_000, 200_000),
        new CommandExecutedData("ping", "technician", true),
        new CommandRefusedData("gate-test", "monitor", "not-allowed"),
        new StaffLockedOutData(2, 10, TimeSpan.FromMinutes(2), s_time.AddMinutes(2)),
    ];
}
