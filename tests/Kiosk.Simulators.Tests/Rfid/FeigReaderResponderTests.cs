using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Readers.Feig;
using Kiosk.Protocols.Readers.Feig.Messages;
using Kiosk.Protocols.Tags;
using Kiosk.Simulators.Rfid;

namespace Kiosk.Simulators.Tests.Rfid;

public sealed class FeigReaderResponderTests
{
    private static readonly FeigInventoryRequest NewInventory = new();
    private static readonly FeigInventoryRequest MoreInventory = new() { Options = FeigInventoryOptions.MoreData };

    [Fact]
    public async Task A_stack_of_ten_tags_is_inventoried_across_more_data_replies_and_each_reads_back_its_item()
    {
        await using var reader = ReaderHarness.Feig(new FeigReaderSimulatorOptions { MaximumDataSetsPerReply = 4 });
        var stack = LibraryTagFactory.CreateSampleStack(10);
        reader.Field.PlaceAll(stack);

        var replies = new List<FeigInventoryResponse> { Assert.IsType<FeigInventoryResponse>(await reader.ExchangeAsync(NewInventory)) };
        while (replies[^1].Status == FeigStatus.MoreData)
        {
            replies.Add(Assert.IsType<FeigInventoryResponse>(await reader.ExchangeAsync(MoreInventory)));
        }

        Assert.Equal([FeigStatus.MoreData, FeigStatus.MoreData, FeigStatus.Ok], replies.Select(reply => reply.Status));
        Assert.Equal([4, 4, 2], replies.Select(reply => reply.Transponders.Count));
        var uids = replies.SelectMany(reply => reply.Transponders).Select(entry => entry.Uid).ToArray();
        Assert.Equal(stack.Select(tag => tag.Uid), uids);

        var itemIds = new List<string>();
        foreach (var uid in uids)
        {
            var read = Assert.IsType<FeigReadMultipleBlocksResponse>(
                await reader.ExchangeAsync(new FeigReadMultipleBlocksRequest { Uid = uid, FirstBlock = 0, BlockCount = 10 }));
            var decoded = LibraryTagCodec.Decode(new TagMemory(read.JoinData(), read.BlockSize));
            Assert.Equal(TagVerdict.Decoded, decoded.Verdict);
            itemIds.Add(decoded.Item!.PrimaryItemId);
        }

        Assert.Equal(["TV0001", "TV0002", "TV0003", "TV0004", "TV0005", "TV0006", "TV0007", "TV0007", "TV0008", "TV0009"], itemIds);
    }

    [Fact]
    public async Task A_more_data_request_with_nothing_held_back_finds_no_transponder()
    {
        await using var reader = ReaderHarness.Feig();

        var reply = await reader.ExchangeAsync(MoreInventory);

        Assert.Equal(FeigStatus.NoTransponder, reply.Status);
    }

    [Fact]
    public async Task An_afi_written_to_a_tag_is_read_back_in_its_system_information()
    {
        await using var reader = ReaderHarness.Feig();
        var tag = LibraryTagFactory.CreateItem("TV0001", "VN-HN-TVHN", secured: true);
        reader.Field.Place(tag);

        var write = await reader.ExchangeAsync(new FeigWriteAfiRequest { Uid = tag.Uid, Afi = 0xC2 });
        var information = Assert.IsType<FeigSystemInformationResponse>(await reader.ExchangeAsync(new FeigGetSystemInformationRequest { Uid = tag.Uid }));

        Assert.Equal(FeigStatus.Ok, write.Status);
        Assert.Equal(0xC2, information.Afi);
        Assert.Equal(tag.Uid, information.Uid);
        Assert.Equal(3, information.BlockSizeField);
        Assert.Equal(SimulatedTag.IcodeSlixBlockCount - 1, information.BlockCountField);
    }

    [Fact]
    public async Task A_locked_afi_refuses_a_new_value_with_iso_error_block_locked()
    {
        await using var reader = ReaderHarness.Feig();
        var tag = LibraryTagFactory.CreateItem("TV0001", "VN-HN-TVHN");
        reader.Field.Place(tag);

        var locked = await reader.ExchangeAsync(new FeigLockAfiRequest { Uid = tag.Uid });
        var lockedAgain = await reader.ExchangeAsync(new FeigLockAfiRequest { Uid = tag.Uid });
        var write = await reader.ExchangeAsync(new FeigWriteAfiRequest { Uid = tag.Uid, Afi = 0xC2 });

        Assert.Equal(FeigStatus.Ok, locked.Status);
        Assert.Equal((byte)Iso15693ErrorCode.BlockAlreadyLocked, lockedAgain.IsoError);
        Assert.Equal(FeigStatus.Iso15693Error, write.Status);
        Assert.Equal((byte)Iso15693ErrorCode.BlockLocked, write.IsoError);
        Assert.Equal(0x07, tag.Afi);
    }

    [Fact]
    public async Task A_write_into_a_locked_block_stops_there_with_iso_error_block_locked_after_writing_the_blocks_before_it()
    {
        await using var reader = ReaderHarness.Feig();
        var tag = new SimulatedTag(LibraryTagFactory.UidFor("locked"));
        tag.LockBlock(3);
        reader.Field.Place(tag);

        var reply = Assert.IsType<FeigWriteMultipleBlocksResponse>(await reader.ExchangeAsync(
            new FeigWriteMultipleBlocksRequest { Uid = tag.Uid, FirstBlock = 2, Data = Enumerable.Repeat((byte)0xAB, 8).ToArray() }));
        var read = Assert.IsType<FeigReadMultipleBlocksResponse>(await reader.ExchangeAsync(
            new FeigReadMultipleBlocksRequest { Uid = tag.Uid, FirstBlock = 2, BlockCount = 2, RequestSecurityStatus = true }));

        Assert.Equal(FeigStatus.Iso15693Error, reply.Status);
        Assert.Equal((byte)Iso15693ErrorCode.BlockLocked, reply.IsoError);
        Assert.Equal((byte)3, reply.ErrorBlockAddress);
        Assert.Equal(new byte[] { 0xAB, 0xAB, 0xAB, 0xAB, 0, 0, 0, 0 }, read.JoinData());
        Assert.Equal([0x00, 0x01], read.Blocks.Select(block => block.SecurityStatus));
    }

    [Fact]
    public async Task Blocks_past_the_end_of_memory_are_not_available()
    {
        await using var reader = ReaderHarness.Feig();
        var tag = new SimulatedTag(LibraryTagFactory.UidFor("short"), blockCount: 8);
        reader.Field.Place(tag);

        var read = await reader.ExchangeAsync(new FeigReadMultipleBlocksRequest { Uid = tag.Uid, FirstBlock = 6, BlockCount = 4 });
        var write = Assert.IsType<FeigWriteMultipleBlocksResponse>(await reader.ExchangeAsync(
            new FeigWriteMultipleBlocksRequest { Uid = tag.Uid, FirstBlock = 7, Data = new byte[8] }));

        Assert.Equal((byte)Iso15693ErrorCode.BlockNotAvailable, read.IsoError);
        Assert.Equal((byte)Iso15693ErrorCode.BlockNotAvailable, write.IsoError);
        Assert.Equal((byte)8, write.ErrorBlockAddress);
    }

    [Fact]
    public async Task Eas_set_and_reset_decide_whether_the_tag_answers_the_eas_alarm()
    {
        await using var reader = ReaderHarness.Feig();
        var tag = LibraryTagFactory.CreateItem("TV0001", "VN-HN-TVHN", secured: false);
        reader.Field.Place(tag);
        var alarm = new FeigNxpCustomRequest { CustomCommand = FeigNxpCustomCommand.EasAlarm, Mode = FeigAddressingMode.NonAddressed };

        var quiet = await reader.ExchangeAsync(alarm);
        var set = await reader.ExchangeAsync(new FeigNxpCustomRequest { CustomCommand = FeigNxpCustomCommand.SetEas, Uid = tag.Uid });
        var alarming = await reader.ExchangeAsync(alarm);
        var reset = await reader.ExchangeAsync(new FeigNxpCustomRequest { CustomCommand = FeigNxpCustomCommand.ResetEas, Uid = tag.Uid });

        Assert.Equal(FeigStatus.NoTransponder, quiet.Status);
        Assert.Equal(FeigStatus.Ok, set.Status);
        Assert.Equal(FeigStatus.Ok, alarming.Status);
        Assert.Equal(FeigStatus.Ok, reset.Status);
        Assert.False(tag.IsEasSet);
    }

    [Fact]
    public async Task A_non_nxp_tag_does_not_answer_the_eas_commands()
    {
        await using var reader = ReaderHarness.Feig();
        var texasInstruments = new SimulatedTag(new TransponderUid(0xE007000012345678));
        reader.Field.Place(texasInstruments);

        var reply = await reader.ExchangeAsync(new FeigNxpCustomRequest { CustomCommand = FeigNxpCustomCommand.SetEas, Uid = texasInstruments.Uid });

        Assert.Equal(FeigStatus.NoTransponder, reply.Status);
        Assert.False(texasInstruments.IsEasSet);
    }

    [Fact]
    public async Task An_afi_filter_written_to_cfg4_limits_the_inventory_to_that_family()
    {
        await using var reader = ReaderHarness.Feig();
        var secured = LibraryTagFactory.CreateItem("TV0001", "VN-HN-TVHN", secured: true);
        var loaned = LibraryTagFactory.CreateItem("TV0002", "VN-HN-TVHN", secured: false);
        reader.Field.PlaceAll([secured, loaned]);
        var block = new byte[FeigReaderConfiguration.BlockLength];
        block[4] = 0x09 | 0x20;
        block[5] = 0x07;
        block[13] = 0x04;

        var written = await reader.ExchangeRawFeigAsync(FeigEncoder.Encode(new FeigUnknownRequest { CommandByte = 0x81, Data = (byte[])[0x04, .. block] }));
        var readBack = Assert.IsType<FeigStatusResponse>(await reader.ExchangeRawFeigAsync(FeigEncoder.Encode(new FeigUnknownRequest { CommandByte = 0x80, Data = new byte[] { 0x04 } })));
        var inventory = Assert.IsType<FeigInventoryResponse>(await reader.ExchangeAsync(NewInventory));

        Assert.Equal(FeigStatus.Ok, written.Status);
        Assert.Equal(block, readBack.Data.ToArray());
        Assert.Equal((byte)0x07, reader.FeigResponder.Configuration.InventoryAfi);
        Assert.Equal([secured.Uid], inventory.Transponders.Select(entry => entry.Uid));
    }

    [Fact]
    public async Task A_single_timeslot_inventory_cannot_resolve_two_tags()
    {
        await using var reader = ReaderHarness.Feig();
        reader.FeigResponder.Configuration.SingleTimeslot = true;
        reader.Field.PlaceAll(LibraryTagFactory.CreateSampleStack(2));

        var reply = await reader.ExchangeAsync(NewInventory);

        Assert.Equal(FeigStatus.RfCommunicationError, reply.Status);
    }

    [Fact]
    public async Task With_rf_off_the_reader_finds_nothing_and_with_antenna_two_on_it_finds_only_the_tags_there()
    {
        await using var reader = ReaderHarness.Feig(new FeigReaderSimulatorOptions { AntennaCount = 2 });
        var first = LibraryTagFactory.CreateItem("TV0001", "VN-HN-TVHN");
        var second = LibraryTagFactory.CreateItem("TV0002", "VN-HN-TVHN");
        reader.Field.Place(first, antenna: 1);
        reader.Field.Place(second, antenna: 2);

        var off = await reader.ExchangeAsync(new FeigRfOutputRequest { AntennaOutput = 0 });
        var nothing = await reader.ExchangeAsync(NewInventory);
        await reader.ExchangeAsync(new FeigRfOutputRequest { AntennaOutput = 2 });
        var onSecond = Assert.IsType<FeigInventoryResponse>(await reader.ExchangeAsync(NewInventory));
        var noThird = await reader.ExchangeAsync(new FeigRfOutputRequest { AntennaOutput = 3 });

        Assert.Equal(FeigStatus.Ok, off.Status);
        Assert.Equal(FeigStatus.NoTransponder, nothing.Status);
        Assert.Equal([second.Uid], onSecond.Transponders.Select(entry => entry.Uid));
        Assert.Equal(FeigStatus.ParameterRangeError, noThird.Status);
    }

    [Fact]
    public async Task Reader_control_commands_answer_as_the_manual_lays_them_out()
    {
        await using var reader = ReaderHarness.Feig();

        var version = Assert.IsType<FeigSoftwareVersionResponse>(await reader.ExchangeAsync(new FeigGetSoftwareVersionRequest()));
        var info = Assert.IsType<FeigStatusResponse>(await reader.ExchangeAsync(new FeigGetReaderInfoRequest { Mode = 0x00 }));
        var reset = await reader.ExchangeAsync(new FeigCpuResetRequest());
        var rfReset = await reader.ExchangeAsync(new FeigRfResetRequest());

        Assert.Equal(81, version.ReaderType);
        Assert.Equal(0x0008, version.TransponderTypes);
        Assert.Equal(11, info.Data.Length);
        Assert.Equal(FeigStatus.Ok, reset.Status);
        Assert.Equal(FeigStatus.Ok, rfReset.Status);
        Assert.Equal(2 * FeigTiming.RfResetOffTime, reader.Responder.Floor.Radio);
    }

    [Fact]
    public async Task Baud_rate_detection_is_answered_with_status_ok()
    {
        await using var reader = ReaderHarness.Feig();

        // ID CPR manual §6.1, p.64: LEN COM-ADR [0x52] 0x00 CRC16 in both directions, the reply's 0x00 its status.
        var reply = await reader.ExchangeBytesAsync(FeigEncoder.Encode(new FeigUnknownRequest { CommandByte = 0x52, Data = new byte[] { 0x00 } }));

        Assert.Equal("06005200", Convert.ToHexString(reply)[..8]);
        Assert.Equal(6, reply.Length);
    }

    [Fact]
    public async Task An_unknown_command_is_answered_with_status_unknown_command()
    {
        await using var reader = ReaderHarness.Feig();

        var reply = await reader.ExchangeRawFeigAsync(FeigEncoder.Encode(new FeigUnknownRequest { CommandByte = 0x55 }));

        Assert.Equal(FeigStatus.UnknownCommand, reply.Status);
        Assert.Equal(0x55, reply.Command);
    }

    [Fact]
    public async Task A_frame_with_a_good_crc_but_a_short_request_gets_a_length_error()
    {
        await using var reader = ReaderHarness.Feig();

        // [0xB0][0x23] in addressed mode with only half a UID.
        var reply = await reader.ExchangeRawFeigAsync(FeigEncoder.Encode(new FeigUnknownRequest { CommandByte = 0xB0, Data = new byte[] { 0x23, 0x01, 0xE0, 0x04 } }));

        Assert.Equal(FeigStatus.LengthError, reply.Status);
    }

    [Fact]
    public async Task A_request_for_another_bus_address_goes_unanswered()
    {
        await using var reader = ReaderHarness.Feig(new FeigReaderSimulatorOptions { BusAddress = 3 });

        await reader.SendIgnoredAsync(FeigEncoder.Encode(new FeigGetSoftwareVersionRequest { Address = 4 }), 0);
        var mine = await reader.ExchangeAsync(new FeigGetSoftwareVersionRequest { Address = 3 });

        Assert.Equal(FeigStatus.Ok, mine.Status);
        Assert.Equal(3, mine.Address);
        Assert.Equal(1, reader.Responder.RepliesSent);
    }

    [Fact]
    public async Task Garbage_from_the_host_never_crashes_the_reader_and_a_good_request_after_it_is_answered()
    {
        await using var reader = ReaderHarness.Feig();
        reader.Field.PlaceAll(LibraryTagFactory.CreateSampleStack(3));
        var random = new Random(15693);
        var noise = new byte[20_000];
        random.NextBytes(noise);

        await reader.SendAsync(noise);
        ReaderHarness.WaitUntil(() => reader.Responder.RequestsIgnored > 0, "the reader to drop the noise");

        // Noise may hold frames with a good CRC by chance; their replies are read past until the inventory's.
        var inventory = new FeigInventoryRequest();
        await reader.SendAsync(inventory);
        FeigInventoryResponse? reply = null;
        while (reply is null)
        {
            reader.ReleaseReply();
            reply = await reader.ReadFeigAsync() as FeigInventoryResponse;
        }

        Assert.False(reader.RunTask.IsCompleted);
        Assert.Equal(3, reply.Transponders.Count);
    }
}
