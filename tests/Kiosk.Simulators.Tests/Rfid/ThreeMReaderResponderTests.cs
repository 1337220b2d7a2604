using Kiosk.Protocols.Readers.ThreeM;
using Kiosk.Protocols.Readers.ThreeM.Messages;
using Kiosk.Protocols.Tags;
using Kiosk.Simulators.Rfid;

namespace Kiosk.Simulators.Tests.Rfid;

public sealed class ThreeMReaderResponderTests
{
    [Fact]
    public async Task A_stack_of_ten_tags_is_inventoried_in_one_reply_and_each_reads_back_its_item()
    {
        await using var reader = ReaderHarness.ThreeM();
        var stack = LibraryTagFactory.CreateSampleStack(10, LibraryTagModel.ThreeM, SecurityAfi.ThreeM);
        reader.Field.PlaceAll(stack);

        var inventory = Assert.IsType<ThreeMInventoryResponse>(await reader.ExchangeAsync(new ThreeMInventoryRequest()));

        Assert.Equal(stack.Select(tag => tag.Uid), inventory.Tags.Select(tag => tag.Uid));
        var itemIds = new List<string>();
        foreach (var tag in inventory.Tags)
        {
            var read = Assert.IsType<ThreeMReadBlocksResponse>(await reader.ExchangeAsync(new ThreeMReadBlocksRequest { Uid = tag.Uid, FirstBlock = 0, BlockCount = 8 }));
            var decoded = LibraryTagCodec.Decode(new TagMemory(read.JoinData()), LibraryTagModel.ThreeM);
            Assert.Equal(TagVerdict.Decoded, decoded.Verdict);
            itemIds.Add(decoded.Item!.PrimaryItemId);
        }

        Assert.Equal(["TV0001", "TV0002", "TV0003", "TV0004", "TV0005", "TV0006", "TV0007", "TV0007", "TV0008", "TV0009"], itemIds);
    }

    [Fact]
    public async Task The_inventory_afi_selects_only_tags_of_that_family()
    {
        await using var reader = ReaderHarness.ThreeM();
        var secured = LibraryTagFactory.CreateItem("TV0001", "VN-HN-TVHN", secured: true, model: LibraryTagModel.ThreeM, afi: SecurityAfi.ThreeM);
        var loaned = LibraryTagFactory.CreateItem("TV0002", "VN-HN-TVHN", secured: false, model: LibraryTagModel.ThreeM, afi: SecurityAfi.ThreeM);
        reader.Field.PlaceAll([secured, loaned]);

        var securedOnly = Assert.IsType<ThreeMInventoryResponse>(await reader.ExchangeAsync(new ThreeMInventoryRequest { Afi = 0xD7 }));
        var family = Assert.IsType<ThreeMInventoryResponse>(await reader.ExchangeAsync(new ThreeMInventoryRequest { Afi = 0xD0 }));

        Assert.Equal([secured.Uid], securedOnly.Tags.Select(tag => tag.Uid));
        Assert.Equal(2, family.Tags.Count);
    }

    [Fact]
    public async Task An_afi_written_is_read_back()
    {
        await using var reader = ReaderHarness.ThreeM();
        var tag = LibraryTagFactory.CreateItem("TV0001", "VN-HN-TVHN", model: LibraryTagModel.ThreeM, afi: SecurityAfi.ThreeM);
        reader.Field.Place(tag);

        var write = await reader.ExchangeAsync(new ThreeMWriteAfiRequest { Uid = tag.Uid, Afi = 0xDA });
        var read = Assert.IsType<ThreeMGetAfiResponse>(await reader.ExchangeAsync(new ThreeMGetAfiRequest { Uid = tag.Uid }));

        Assert.IsType<ThreeMWriteAfiResponse>(write);
        Assert.Equal(0xDA, read.Afi);
    }

    [Fact]
    public async Task A_locked_block_refuses_the_write_with_memory_locked_naming_the_block()
    {
        await using var reader = ReaderHarness.ThreeM();
        var tag = new SimulatedTag(LibraryTagFactory.UidFor("locked"));
        tag.LockBlock(1);
        reader.Field.Place(tag);

        var reply = Assert.IsType<ThreeMErrorResponse>(await reader.ExchangeAsync(new ThreeMWriteBlocksRequest { Uid = tag.Uid, FirstBlock = 0, Data = new byte[8] { 1, 2, 3, 4, 5, 6, 7, 8 } }));

        Assert.Equal(ThreeMErrorCode.MemoryLocked, reply.Error);
        Assert.Equal(tag.Uid, reply.Uid);
        Assert.Equal(new byte[] { 1 }, reply.Rest.ToArray());
        Assert.Equal(new byte[] { 1, 2, 3, 4, 0, 0, 0, 0 }, tag.ReadMemory()[..8]);
    }

    [Fact]
    public async Task A_tag_leaving_mid_write_is_reported_as_no_transponder_at_the_next_block_and_is_gone()
    {
        await using var reader = ReaderHarness.ThreeM();
        var tag = new SimulatedTag(LibraryTagFactory.UidFor("leaving"));
        reader.Field.Place(tag);
        reader.Faults.TagLeavesMidWrite(blocksWritten: 1);

        var reply = Assert.IsType<ThreeMErrorResponse>(await reader.ExchangeAsync(new ThreeMWriteBlocksRequest { Uid = tag.Uid, FirstBlock = 4, Data = new byte[12] }));
        var afterwards = Assert.IsType<ThreeMErrorResponse>(await reader.ExchangeAsync(new ThreeMGetAfiRequest { Uid = tag.Uid }));

        Assert.Equal(ThreeMErrorCode.NoTransponder, reply.Error);
        Assert.Equal(new byte[] { 5 }, reply.Rest.ToArray());
        Assert.Equal(ThreeMErrorCode.NoTransponder, afterwards.Error);
        Assert.Equal(0, reader.Field.Count);
    }

    [Fact]
    public async Task A_write_error_and_a_corrupted_read_are_reported_with_the_uid()
    {
        await using var reader = ReaderHarness.ThreeM();
        var tag = new SimulatedTag(LibraryTagFactory.UidFor("faulty"));
        reader.Field.Place(tag);
        reader.Faults.FailWrites();

        var write = Assert.IsType<ThreeMErrorResponse>(await reader.ExchangeAsync(new ThreeMWriteAfiRequest { Uid = tag.Uid, Afi = 0xDA }));
        reader.Faults.CorruptRadio();
        var read = Assert.IsType<ThreeMErrorResponse>(await reader.ExchangeAsync(new ThreeMReadBlocksRequest { Uid = tag.Uid, FirstBlock = 0, BlockCount = 1 }));

        Assert.Equal(ThreeMErrorCode.MemoryNotWritten, write.Error);
        Assert.Equal(ThreeMErrorCode.MemoryNotRead, read.Error);
        Assert.Equal(tag.Uid, read.Uid);
        Assert.Equal(0, tag.Afi);
    }

    [Fact]
    public async Task A_command_the_codec_does_not_implement_is_answered_with_command_not_implemented()
    {
        await using var reader = ReaderHarness.ThreeM();

        var reply = Assert.IsType<ThreeMErrorResponse>(await reader.ExchangeAsync(new ThreeMUnknownRequest { CommandByte = (byte)ThreeMCommand.IsoPassThrough }));

        Assert.Equal(ThreeMErrorCode.CommandNotImplemented, reply.Error);
        Assert.Equal((byte)ThreeMCommand.IsoPassThrough, reply.Command);
    }

    [Fact]
    public async Task The_hardware_version_probe_is_answered_as_a_real_810_answers_it()
    {
        await using var reader = ReaderHarness.ThreeM();

        // Biblio-RFID, lib/Biblio/RFID/Reader/3M810.pm, init: "D5 00 05 04 00 11 8C66", expecting
        // "D5 00 09 04 00 11 0A 05 00 02 7250" (hardware version 10.5.0.2) before it sends anything else.
        var reply = await reader.ExchangeBytesAsync(Convert.FromHexString("D500050400118C66"));

        Assert.Equal("D500090400110A0500027250", Convert.ToHexString(reply));
    }

    [Fact]
    public async Task Reader_version_answers_the_four_version_bytes()
    {
        await using var reader = ReaderHarness.ThreeM();

        var reply = Assert.IsType<ThreeMUnknownResponse>(await reader.ExchangeAsync(new ThreeMUnknownRequest { CommandByte = (byte)ThreeMCommand.ReaderVersion }));

        // Model 210 specification §7.2: command 0x11, no request fields; the reply's four bytes start with 0x0A.
        Assert.Equal(ThreeMErrorCode.None, reply.Error);
        Assert.Equal([0x0A, 0x05, 0x00, 0x02], reply.Body.ToArray());
    }

    [Fact]
    public async Task Command_0x13_at_start_is_answered_as_a_real_810_answers_it()
    {
        await using var reader = ReaderHarness.ThreeM();
        var request = ThreeMEncoder.Encode(new ThreeMUnknownRequest { CommandByte = 0x13, Body = Convert.FromHexString("040100020003000400") });

        var reply = await reader.ExchangeBytesAsync(request);

        // Biblio-RFID, lib/Biblio/RFID/Reader/3M810.pm, init asserts the reply's data starts "13 00 02 01 01 03 02 02 03 00".
        Assert.Equal("D6000C" + "13000201010302020300", Convert.ToHexString(reply)[..26]);
        Assert.Equal(15, reply.Length);
    }

    [Fact]
    public async Task Garbage_from_the_host_never_crashes_the_reader()
    {
        await using var reader = ReaderHarness.ThreeM();
        var noise = new byte[20_000];
        new Random(810).NextBytes(noise);

        await reader.SendAsync(noise);
        ReaderHarness.WaitUntil(() => reader.Responder.RequestsIgnored > 0, "the reader to drop the noise");
        await reader.SendAsync(ThreeMEncoder.Encode(new ThreeMInventoryRequest()));
        ThreeMResponse reply;
        do
        {
            reader.ReleaseReply();
            reply = await reader.ReadThreeMAsync();
        }
        while (reply is not ThreeMInventoryResponse);

        Assert.False(reader.RunTask.IsCompleted);
        Assert.Empty(((ThreeMInventoryResponse)reply).Tags);
    }
}
