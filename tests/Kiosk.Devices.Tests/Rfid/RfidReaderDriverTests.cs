using Kiosk.Devices.Rfid;
using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Tags;
using Kiosk.Simulators.Rfid;

namespace Kiosk.Devices.Tests.Rfid;

/// <summary>Both drivers against their simulators over a real pty, through the real SerialPort class.</summary>
public sealed class RfidReaderDriverTests
{
    [Theory]
    [InlineData(RfidReaderProtocol.Feig)]
    [InlineData(RfidReaderProtocol.ThreeM)]
    public async Task A_stack_of_ten_tags_is_inventoried_and_each_tag_reads_and_decodes_to_its_item(RfidReaderProtocol protocol)
    {
        await using var rig = ReaderRig.Create(protocol);
        var stack = LibraryTagFactory.CreateSampleStack(10, afi: rig.Afi);
        rig.Field.PlaceAll(stack);
        var reader = await rig.OpenAsync();
        using var timeout = TestTimeouts.Start();

        var seen = await reader.InventoryAsync(1, cancellationToken: timeout.Token);

        Assert.Equal(stack.Select(t => t.Uid.Value).Order(), seen.Select(e => e.Uid.Value).Order());
        foreach (var tag in stack)
        {
            var memory = await reader.ReadTagAsync(tag.Uid, timeout.Token);
            Assert.Equal(tag.ReadMemory(), memory.UserMemory.ToArray());
            Assert.Equal(tag.Afi, memory.Afi);
            Assert.Equal(4, memory.BlockSize);
            var decoded = LibraryTagCodec.Decode(memory.ToTagMemory());
            Assert.True(decoded.IsSuccess, decoded.Reason);
            Assert.StartsWith("TV00", decoded.Item!.PrimaryItemId, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(RfidReaderProtocol.Feig)]
    [InlineData(RfidReaderProtocol.ThreeM)]
    public async Task Part_of_a_tag_s_memory_reads_as_just_the_blocks_asked_for(RfidReaderProtocol protocol)
    {
        await using var rig = ReaderRig.Create(protocol);
        var tag = LibraryTagFactory.CreateItem("TV0005", "VN-HN-TVHN", afi: rig.Afi);
        rig.Field.Place(tag);
        var reader = await rig.OpenAsync();
        using var timeout = TestTimeouts.Start();
        await reader.InventoryAsync(1, cancellationToken: timeout.Token);

        var start = await reader.ReadBlocksAsync(tag.Uid, 0, 9, timeout.Token);
        var middle = await reader.ReadBlocksAsync(tag.Uid, 20, 8, timeout.Token);
        var last = await reader.ReadBlocksAsync(tag.Uid, 27, 1, timeout.Token);

        var memory = tag.ReadMemory();
        Assert.Equal((tag.Uid, 0, 4, 9), (start.Uid, start.FirstBlock, start.BlockSize, start.BlockCount));
        Assert.Equal(memory[..36], start.Data.ToArray());
        Assert.Equal((20, 8), (middle.FirstBlock, middle.BlockCount));
        Assert.Equal(memory[80..112], middle.Data.ToArray());
        Assert.Equal(memory[108..112], last.Data.ToArray());
    }

    [Theory]
    [InlineData(RfidReaderProtocol.Feig, LibraryTagModel.Iso28560Part3)]
    [InlineData(RfidReaderProtocol.Feig, LibraryTagModel.Iso28560Part2)]
    [InlineData(RfidReaderProtocol.Feig, LibraryTagModel.ThreeM)]
    [InlineData(RfidReaderProtocol.ThreeM, LibraryTagModel.Iso28560Part3)]
    [InlineData(RfidReaderProtocol.ThreeM, LibraryTagModel.Iso28560Part2)]
    [InlineData(RfidReaderProtocol.ThreeM, LibraryTagModel.ThreeM)]
    public async Task The_first_nine_blocks_of_a_sample_tag_decode_to_its_item_id_in_every_data_model(RfidReaderProtocol protocol, LibraryTagModel model)
    {
        await using var rig = ReaderRig.Create(protocol);
        var tag = LibraryTagFactory.CreateItem("TV0010", "VN-HN-TVHN", model: model, afi: rig.Afi);
        rig.Field.Place(tag);
        var reader = await rig.OpenAsync();
        using var timeout = TestTimeouts.Start();
        var entry = Assert.Single(await reader.InventoryAsync(1, cancellationToken: timeout.Token));

        var blocks = await reader.ReadBlocksAsync(tag.Uid, 0, Kiosk.Devices.Gates.GateController.ItemIdBlocks, timeout.Token);

        var decoded = LibraryTagCodec.Decode(new TagMemory(blocks.Data, blocks.BlockSize, entry.Dsfid));
        Assert.True(decoded.IsSuccess, decoded.Reason);
        Assert.Equal((model, "TV0010"), (decoded.Model, decoded.Item!.PrimaryItemId));
    }

    [Theory]
    [InlineData(RfidReaderProtocol.Feig)]
    [InlineData(RfidReaderProtocol.ThreeM)]
    public async Task A_read_past_the_end_of_a_tag_fails_naming_the_blocks_it_does_not_have(RfidReaderProtocol protocol)
    {
        await using var rig = ReaderRig.Create(protocol);
        var tag = LibraryTagFactory.CreateItem("TV0005", "VN-HN-TVHN", afi: rig.Afi);
        rig.Field.Place(tag);
        var reader = await rig.OpenAsync();
        using var timeout = TestTimeouts.Start();
        await reader.InventoryAsync(1, cancellationToken: timeout.Token);

        // An ICODE SLIX has blocks 0–27.
        var error = await Assert.ThrowsAsync<RfidReaderException>(() => reader.ReadBlocksAsync(tag.Uid, 24, 8, timeout.Token));
        var unaddressable = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => reader.ReadBlocksAsync(tag.Uid, 250, 10, timeout.Token));

        Assert.Equal(RfidReaderFailureKind.BlockNotAvailable, error.Kind);
        Assert.Contains("does not have every block of 24–31", error.Message, StringComparison.Ordinal);
        Assert.Contains("Blocks 250 to 259", unaddressable.Message, StringComparison.Ordinal);

        // The reader is still usable after the refusal.
        Assert.Equal(tag.ReadMemory()[96..], (await reader.ReadBlocksAsync(tag.Uid, 24, 4, timeout.Token)).Data.ToArray());
    }

    [Theory]
    [InlineData(RfidReaderProtocol.Feig)]
    [InlineData(RfidReaderProtocol.ThreeM)]
    public async Task A_loan_switches_the_afi_to_loaned_and_a_return_back_to_secured_each_verified_by_read_back(RfidReaderProtocol protocol)
    {
        await using var rig = ReaderRig.Create(protocol);
        var tag = LibraryTagFactory.CreateItem("TV0001", "VN-HN-TVHN", secured: true, afi: rig.Afi);
        rig.Field.Place(tag);
        var reader = await rig.OpenAsync();
        using var timeout = TestTimeouts.Start();

        var loan = await reader.SetSecurityAsync(tag.Uid, secured: false, timeout.Token);

        Assert.Equal(new RfidSecurityResult(true, false, 1, null), loan);
        Assert.Equal(rig.Afi.NotSecured, tag.Afi);

        var giveBack = await reader.SetSecurityAsync(tag.Uid, secured: true, timeout.Token);

        Assert.Equal(new RfidSecurityResult(true, true, 1, null), giveBack);
        Assert.Equal(rig.Afi.Secured, tag.Afi);
    }

    [Theory]
    [InlineData(RfidReaderProtocol.Feig)]
    [InlineData(RfidReaderProtocol.ThreeM)]
    public async Task A_tag_removed_mid_write_fails_naming_the_blocks_not_written(RfidReaderProtocol protocol)
    {
        await using var rig = ReaderRig.Create(protocol);
        var tag = LibraryTagFactory.CreateItem("TV0002", "VN-HN-TVHN", afi: rig.Afi);
        rig.Field.Place(tag);
        var reader = await rig.OpenAsync();
        using var timeout = TestTimeouts.Start();
        rig.Faults.TagLeavesMidWrite(blocksWritten: 2);

        var failure = await Assert.ThrowsAsync<RfidReaderException>(
            () => reader.WriteBlocksAsync(tag.Uid, 0, new byte[16], timeout.Token));

        Assert.Equal(RfidReaderFailureKind.NoTransponder, failure.Kind);
        Assert.Contains("left the field", failure.Message, StringComparison.Ordinal);
        Assert.Contains("blocks before 2 are written", failure.Message, StringComparison.Ordinal);
        Assert.Contains(tag.Uid.ToString(), failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RfidReaderProtocol.Feig)]
    [InlineData(RfidReaderProtocol.ThreeM)]
    public async Task A_tag_removed_during_a_loan_switch_is_reported_not_verified_and_stays_secured(RfidReaderProtocol protocol)
    {
        await using var rig = ReaderRig.Create(protocol);
        var tag = LibraryTagFactory.CreateItem("TV0003", "VN-HN-TVHN", secured: true, afi: rig.Afi);
        rig.Field.Place(tag);
        var reader = await rig.OpenAsync();
        using var timeout = TestTimeouts.Start();
        rig.Faults.TagLeavesMidWrite();

        var result = await reader.SetSecurityAsync(tag.Uid, secured: false, timeout.Token);

        Assert.False(result.Verified);
        Assert.Null(result.Secured);
        Assert.Equal(1, result.Attempts);
        Assert.Contains(tag.Uid.ToString(), result.Failure, StringComparison.Ordinal);
        Assert.Equal(rig.Afi.Secured, tag.Afi);
    }

    [Theory]
    [InlineData(RfidReaderProtocol.Feig)]
    [InlineData(RfidReaderProtocol.ThreeM)]
    public async Task A_write_that_fails_verification_is_retried_and_the_switch_verifies_on_the_second_attempt(RfidReaderProtocol protocol)
    {
        await using var rig = ReaderRig.Create(protocol);
        var tag = LibraryTagFactory.CreateItem("TV0004", "VN-HN-TVHN", secured: true, afi: rig.Afi);
        rig.Field.Place(tag);
        var reader = await rig.OpenAsync();
        using var timeout = TestTimeouts.Start();
        rig.Faults.FailWrites(1);

        var result = await reader.SetSecurityAsync(tag.Uid, secured: false, timeout.Token);

        Assert.True(result.Verified, result.Failure);
        Assert.Equal(rig.Afi.NotSecured, tag.Afi);
        Assert.Equal(1, rig.Faults.InjectedCount);
    }

    [Theory]
    [InlineData(RfidReaderProtocol.Feig)]
    [InlineData(RfidReaderProtocol.ThreeM)]
    public async Task A_radio_error_is_retried_and_the_read_succeeds(RfidReaderProtocol protocol)
    {
        await using var rig = ReaderRig.Create(protocol);
        var tag = LibraryTagFactory.CreateItem("TV0005", "VN-HN-TVHN", afi: rig.Afi);
        rig.Field.Place(tag);
        var reader = await rig.OpenAsync();
        using var timeout = TestTimeouts.Start();
        rig.Faults.CorruptRadio(2);

        var memory = await reader.ReadTagAsync(tag.Uid, timeout.Token);

        Assert.Equal(2, rig.Faults.InjectedCount);
        Assert.Equal("TV0005", LibraryTagCodec.Decode(memory.ToTagMemory()).Item?.PrimaryItemId);
    }

    [Theory]
    [InlineData(RfidReaderProtocol.Feig)]
    [InlineData(RfidReaderProtocol.ThreeM)]
    public async Task Garbage_on_the_line_before_replies_is_skipped_and_every_reply_is_still_read(RfidReaderProtocol protocol)
    {
        await using var rig = ReaderRig.Create(protocol);
        var stack = LibraryTagFactory.CreateSampleStack(3, afi: rig.Afi);
        rig.Field.PlaceAll(stack);
        var reader = await rig.OpenAsync();
        using var timeout = TestTimeouts.Start();
        rig.Faults.SendGarbageBeforeReplies(5, new byte[] { 0xFF, 0x00, 0x0B, 0xD6, 0x00, 0x40, 0x02, 0x13, 0x11 });

        var seen = await reader.InventoryAsync(1, cancellationToken: timeout.Token);
        var memories = new List<RfidTagMemory>();
        foreach (var entry in seen)
        {
            memories.Add(await reader.ReadTagAsync(entry.Uid, timeout.Token));
        }

        Assert.Equal(3, seen.Count);
        Assert.True(rig.Faults.InjectedCount >= 5);
        Assert.All(memories, memory => Assert.True(LibraryTagCodec.Decode(memory.ToTagMemory()).IsSuccess));
    }

    [Theory]
    [InlineData(RfidReaderProtocol.Feig)]
    [InlineData(RfidReaderProtocol.ThreeM)]
    public async Task An_inventory_filtered_by_the_secured_afi_lists_only_the_secured_items(RfidReaderProtocol protocol)
    {
        await using var rig = ReaderRig.Create(protocol);
        var secured = LibraryTagFactory.CreateItem("TV0001", "VN-HN-TVHN", secured: true, afi: rig.Afi);
        var loaned = LibraryTagFactory.CreateItem("TV0002", "VN-HN-TVHN", secured: false, afi: rig.Afi);
        rig.Field.PlaceAll([secured, loaned]);
        var reader = await rig.OpenAsync();
        using var timeout = TestTimeouts.Start();

        var onlySecured = await reader.InventoryAsync(1, rig.Afi.Secured, timeout.Token);
        var everything = await reader.InventoryAsync(1, cancellationToken: timeout.Token);

        Assert.Equal([secured.Uid], onlySecured.Select(e => e.Uid));
        Assert.Equal(2, everything.Count);
    }

    [Fact]
    public async Task A_feig_inventory_longer_than_one_reply_follows_the_more_data_continuation()
    {
        await using var rig = ReaderRig.Create(RfidReaderProtocol.Feig, feigOptions: new FeigReaderSimulatorOptions { MaximumDataSetsPerReply = 3 });
        var stack = LibraryTagFactory.CreateSampleStack(10);
        rig.Field.PlaceAll(stack);
        var reader = await rig.OpenAsync();
        using var timeout = TestTimeouts.Start();

        var seen = await reader.InventoryAsync(1, cancellationToken: timeout.Token);

        Assert.Equal(stack.Select(t => t.Uid.Value).Order(), seen.Select(e => e.Uid.Value).Order());
    }

    [Fact]
    public async Task A_feig_reader_with_two_antennas_reports_each_tag_at_the_antenna_it_lies_on()
    {
        await using var rig = ReaderRig.Create(RfidReaderProtocol.Feig, antennas: 2);
        var left = LibraryTagFactory.CreateItem("TV0001", "VN-HN-TVHN");
        var right = LibraryTagFactory.CreateItem("TV0002", "VN-HN-TVHN");
        rig.Field.Place(left, 1);
        rig.Field.Place(right, 2);
        var reader = await rig.OpenAsync();
        using var timeout = TestTimeouts.Start();

        var first = await reader.InventoryAsync(1, cancellationToken: timeout.Token);
        var second = await reader.InventoryAsync(2, cancellationToken: timeout.Token);
        var memory = await reader.ReadTagAsync(left.Uid, timeout.Token);

        Assert.Equal([new RfidInventoryEntry(left.Uid, 0, 1)], first);
        Assert.Equal([new RfidInventoryEntry(right.Uid, 0, 2)], second);
        Assert.Equal(left.ReadMemory(), memory.UserMemory.ToArray());
    }

    [Fact]
    public async Task A_reader_that_stops_answering_times_out_with_a_message_naming_the_reader_port_and_baud_rate()
    {
        await using var rig = ReaderRig.Create(RfidReaderProtocol.Feig);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var reader = await rig.OpenAsync(clock);
        using var timeout = TestTimeouts.Start();
        rig.Faults.ResetReader(TimeSpan.FromHours(1));

        var inventory = reader.InventoryAsync(1, cancellationToken: timeout.Token);

        // Each try's reply timer starts before its request goes out, so once the reader has dropped the request the
        // clock can be moved past the manual's response time (1 s TR-RESPONSE-TIME plus wire time).
        for (var dropped = 1; dropped <= 2; dropped++)
        {
            var expected = dropped;
            Eventually(() => rig.Simulator.Responder.RequestsIgnored >= expected, "the resetting reader to drop the request");
            clock.Advance(TimeSpan.FromSeconds(2));
        }

        var failure = await Assert.ThrowsAsync<RfidReaderException>(() => inventory);
        Assert.Equal(RfidReaderFailureKind.Timeout, failure.Kind);
        Assert.Contains($"Reader 'pad' on {rig.Simulator.PortPath} did not answer FEIG", failure.Message, StringComparison.Ordinal);
        Assert.Contains("profile says 38400 8E1", failure.Message, StringComparison.Ordinal);
    }

    internal static void Eventually(Func<bool> condition, string what)
    {
        if (!SpinWait.SpinUntil(condition, TestTimeouts.Condition))
        {
            throw new TimeoutException($"Waited {TestTimeouts.Condition.TotalSeconds} s for {what}.");
        }
    }
}
