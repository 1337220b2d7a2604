using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Readers.Feig;
using Kiosk.Protocols.Readers.Feig.Messages;
using Kiosk.Simulators.Rfid;

namespace Kiosk.Simulators.Tests.Rfid;

public sealed class ReaderTimingTests
{
    [Fact]
    public async Task A_sixteen_slot_inventory_with_one_tag_is_answered_after_14_ms_of_radio_plus_the_wire_time_and_not_before()
    {
        await using var reader = ReaderHarness.Feig();
        reader.Field.Place(LibraryTagFactory.CreateItem("TV0001", "VN-HN-TVHN"));
        var request = FeigEncoder.Encode(new FeigInventoryRequest());

        await reader.SendAsync(new FeigInventoryRequest());
        TimeSpan? delay = null;
        ReaderHarness.WaitUntil(() => (delay = reader.Responder.PendingReplyDelay) is not null, "the reply to be held back");
        // Timers on a TimeProvider fire at millisecond granularity, so "not before" is checked a millisecond short.
        reader.Clock.Advance(delay!.Value - TimeSpan.FromMilliseconds(1));
        var earlyReplies = reader.Responder.RepliesSent;
        reader.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var reply = Assert.IsType<FeigInventoryResponse>(await reader.ReadFeigAsync());

        // Request 7 bytes, reply LEN ADR CMD STATUS DATA-SETS + 10 + CRC = 17 bytes, 11 bits each at 38400 baud (8E1).
        var wire = TimeSpan.FromTicks((request.Length + 17) * 11L * TimeSpan.TicksPerSecond / 38400);
        Assert.Equal(0, earlyReplies);
        Assert.Single(reply.Transponders);
        Assert.Equal(Iso15693Timing.SixteenSlotInventoryOneTag, reader.Responder.Floor.Radio);
        Assert.Equal(wire, reader.Responder.Floor.Serial);
        Assert.Equal(Iso15693Timing.SixteenSlotInventoryOneTag + wire, delay);
    }

    [Fact]
    public void An_empty_sixteen_slot_inventory_takes_10_ms_and_a_one_slot_inventory_6_ms()
    {
        Assert.Equal(Iso15693Timing.SixteenSlotInventoryEmpty, Iso15693RadioTime.Inventory([], sixteenSlots: true, out _));
        Assert.Equal(Iso15693Timing.OneSlotInventory, Iso15693RadioTime.Inventory([new TransponderUid(0xE004010000000001)], sixteenSlots: false, out var collided));
        Assert.False(collided);
    }

    [Fact]
    public void Two_tags_in_one_slot_collide_and_cost_a_second_round()
    {
        // Both UIDs end in nibble 1, so they share slot 1; their next nibbles (2 and 3) differ.
        TransponderUid[] colliding = [new(0xE004010000000021), new(0xE004010000000031)];
        TransponderUid[] apart = [new(0xE004010000000021), new(0xE004010000000032)];

        var collision = Iso15693RadioTime.Inventory(colliding, sixteenSlots: true, out _);
        var separate = Iso15693RadioTime.Inventory(apart, sixteenSlots: true, out _);

        Assert.Equal(TimeSpan.FromMilliseconds(10 + 4 + 10 + 4 + 4), collision);
        Assert.Equal(TimeSpan.FromMilliseconds(10 + 4 + 4), separate);
    }

    [Fact]
    public void Reading_eight_blocks_takes_the_documented_16_ms()
    {
        Assert.Equal(Iso15693Timing.ReadEightBlocks.TotalMilliseconds, Iso15693RadioTime.ReadBlocks(8, 4, withSecurityStatus: false).TotalMilliseconds, 6);
    }

    [Fact]
    public async Task Serial_time_scales_with_the_baud_rate()
    {
        var fast = await SerialTimeOfOneInventoryAsync(38400);
        var slow = await SerialTimeOfOneInventoryAsync(9600);

        Assert.Equal(fast * 4, slow);
    }

    [Fact]
    public void Eight_data_bits_with_even_parity_put_eleven_bits_on_the_wire_per_byte_and_eight_n_one_ten()
    {
        var feig = new FeigReaderResponder(new RfidField());
        var threeM = new ThreeMReaderResponder(new RfidField());

        // 384 bytes × 11 bits ÷ 38400 baud = 110 ms; 192 bytes × 10 bits ÷ 19200 baud = 100 ms.
        Assert.Equal(TimeSpan.FromMilliseconds(110), feig.WireTime(384));
        Assert.Equal(TimeSpan.FromMilliseconds(100), threeM.WireTime(192));
    }

    private static async Task<TimeSpan> SerialTimeOfOneInventoryAsync(int baudRate)
    {
        await using var reader = ReaderHarness.Feig(new FeigReaderSimulatorOptions { BaudRate = baudRate });
        reader.Field.Place(LibraryTagFactory.CreateItem("TV0001", "VN-HN-TVHN"));
        await reader.ExchangeAsync(new FeigInventoryRequest());
        return reader.Responder.Floor.Serial;
    }
}
