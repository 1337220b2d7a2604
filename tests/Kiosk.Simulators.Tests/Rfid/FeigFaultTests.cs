using Kiosk.Protocols.Readers.Feig;
using Kiosk.Protocols.Readers.Feig.Messages;
using Kiosk.Simulators.Rfid;

namespace Kiosk.Simulators.Tests.Rfid;

public sealed class FeigFaultTests
{
    private static readonly byte[] EightBlocks = Enumerable.Range(1, 32).Select(value => (byte)value).ToArray();

    [Fact]
    public async Task A_tag_leaving_mid_write_fails_with_a_write_error_at_the_next_block_and_is_gone()
    {
        await using var reader = ReaderHarness.Feig();
        var tag = LibraryTagFactory.CreateItem("TV0001", "VN-HN-TVHN");
        var before = tag.ReadMemory();
        reader.Field.Place(tag);
        reader.Faults.TagLeavesMidWrite(blocksWritten: 2);

        var write = Assert.IsType<FeigWriteMultipleBlocksResponse>(await reader.ExchangeAsync(
            new FeigWriteMultipleBlocksRequest { Uid = tag.Uid, FirstBlock = 0, Data = EightBlocks }));
        var inventory = await reader.ExchangeAsync(new FeigInventoryRequest());

        Assert.Equal(FeigStatus.WriteError, write.Status);
        Assert.Equal((byte)2, write.ErrorBlockAddress);
        Assert.Equal(EightBlocks[..8], tag.ReadMemory()[..8]);
        Assert.Equal(before[8..], tag.ReadMemory()[8..]);
        Assert.Null(reader.Field.Find(tag.Uid));
        Assert.Equal(FeigStatus.NoTransponder, inventory.Status);
    }

    [Fact]
    public async Task A_write_error_writes_nothing_and_leaves_the_tag_in_the_field()
    {
        await using var reader = ReaderHarness.Feig();
        var tag = LibraryTagFactory.CreateItem("TV0001", "VN-HN-TVHN");
        var before = tag.ReadMemory();
        reader.Field.Place(tag);
        reader.Faults.FailWrites(2);

        var blocks = Assert.IsType<FeigWriteMultipleBlocksResponse>(await reader.ExchangeAsync(
            new FeigWriteMultipleBlocksRequest { Uid = tag.Uid, FirstBlock = 0, Data = EightBlocks }));
        var afi = await reader.ExchangeAsync(new FeigWriteAfiRequest { Uid = tag.Uid, Afi = 0xC2 });
        var retry = await reader.ExchangeAsync(new FeigWriteAfiRequest { Uid = tag.Uid, Afi = 0xC2 });

        Assert.Equal(FeigStatus.WriteError, blocks.Status);
        Assert.Equal((byte)0, blocks.ErrorBlockAddress);
        Assert.Equal(FeigStatus.WriteError, afi.Status);
        Assert.Equal(FeigStatus.Ok, retry.Status);
        Assert.Equal(before, tag.ReadMemory());
        Assert.Same(tag, reader.Field.Find(tag.Uid));
        Assert.Equal(2, reader.Faults.InjectedCount);
    }

    [Fact]
    public async Task An_rf_communication_error_hits_the_next_command_only()
    {
        await using var reader = ReaderHarness.Feig();
        reader.Field.PlaceAll(LibraryTagFactory.CreateSampleStack(2));
        reader.Faults.CorruptRadio();

        var failed = await reader.ExchangeAsync(new FeigInventoryRequest());
        var next = Assert.IsType<FeigInventoryResponse>(await reader.ExchangeAsync(new FeigInventoryRequest()));

        Assert.Equal(FeigStatus.RfCommunicationError, failed.Status);
        Assert.Equal(FeigStatus.Ok, next.Status);
        Assert.Equal(2, next.Transponders.Count);
    }

    [Fact]
    public async Task Garbage_on_the_line_ahead_of_a_reply_is_skipped_by_the_host_decoder()
    {
        await using var reader = ReaderHarness.Feig();
        reader.Faults.SendGarbageBeforeReplies(1, new byte[] { 0x03, 0x00, 0xFF, 0x55 });

        var reply = await reader.ExchangeAsync(new FeigGetSoftwareVersionRequest());

        Assert.IsType<FeigSoftwareVersionResponse>(reply);
        Assert.Single(reader.DecodeErrors);
        Assert.Equal(4, reader.DecodeErrors[0].Length);
    }

    [Fact]
    public async Task A_resetting_reader_answers_nothing_until_its_downtime_has_passed()
    {
        await using var reader = ReaderHarness.Feig();
        reader.Faults.ResetReader(TimeSpan.FromSeconds(2));

        await reader.SendIgnoredAsync(FeigEncoder.Encode(new FeigGetSoftwareVersionRequest()), 0);
        reader.Clock.Advance(TimeSpan.FromSeconds(2));
        var reply = await reader.ExchangeAsync(new FeigGetSoftwareVersionRequest());

        Assert.Equal(FeigStatus.Ok, reply.Status);
        Assert.Equal(1, reader.Responder.RepliesSent);
        Assert.False(reader.Faults.IsResetting);
    }
}
