using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Readers.Feig;
using Kiosk.Protocols.Readers.Feig.Messages;

namespace Kiosk.Protocols.Tests.Readers;

/// <summary>
/// Frames from FEIG's ID CPR manual (H20800-16e-ID-B). Annex F, p.164, prints four complete frames; for the other
/// commands the manual gives only the layout, so those vectors are built from its tables (section named per case)
/// with the CRC computed by an independent Python transcription of the manual's C example (§3.2, p.20).
/// </summary>
public sealed class FeigGoldenVectorTests
{
    [Fact]
    public void Annex_f_write_of_three_four_byte_blocks_encodes_byte_for_byte()
    {
        var request = new FeigWriteMultipleBlocksRequest
        {
            Uid = new TransponderUid(0xE00700000147677E),
            FirstBlock = 0,
            BlockSize = 4,
            Data = Hex.Bytes("01 02 03 04 11 12 13 14 21 22 23 24"),
        };

        Assert.Equal(FeigSamples.AnnexFWriteFourByteBlocks.Replace(" ", string.Empty, StringComparison.Ordinal), Hex.Of(FeigEncoder.Encode(request)));
    }

    [Fact]
    public void Annex_f_write_of_three_eight_byte_blocks_decodes_to_the_tag_order_data()
    {
        var request = DecodeRequest(FeigSamples.AnnexFWriteEightByteBlocks);

        var write = Assert.IsType<FeigWriteMultipleBlocksRequest>(request);
        Assert.Equal(FeigAddressingMode.Addressed, write.Mode);
        Assert.Equal(new TransponderUid(0x6005000002112504), write.Uid);
        Assert.Equal(3, write.FirstBlock);
        Assert.Equal(8, write.BlockSize);
        Assert.Equal(3, write.BlockCount);

        // Annex F's drawing: block 0 holds 01…08, block 1 11…18, block 2 21…28 in the transponder; the wire reverses each.
        Assert.Equal("010203040506070811121314151617182122232425262728", Hex.Of(write.Data.Span));
    }

    [Fact]
    public void Annex_f_read_reply_of_four_byte_blocks_decodes_to_the_tag_order_blocks()
    {
        var response = DecodeReply(FeigSamples.AnnexFReadFourByteBlocksReply, new FeigReadMultipleBlocksRequest { Uid = FeigSamples.Book, BlockCount = 3 });

        var read = Assert.IsType<FeigReadMultipleBlocksResponse>(response);
        Assert.Equal(FeigStatus.Ok, read.Status);
        Assert.Equal(0x00, read.Address);
        Assert.Equal(4, read.BlockSize);
        Assert.Equal(["01020304", "11121314", "21222324"], read.Blocks.Select(block => Hex.Of(block.Data.Span)));
        Assert.All(read.Blocks, block => Assert.Equal(0, block.SecurityStatus));
    }

    [Fact]
    public void Annex_f_read_reply_of_eight_byte_blocks_reencodes_byte_for_byte()
    {
        var response = DecodeReply(FeigSamples.AnnexFReadEightByteBlocksReply, new FeigReadMultipleBlocksRequest { Uid = FeigSamples.Book, BlockCount = 3 });

        var read = Assert.IsType<FeigReadMultipleBlocksResponse>(response);
        Assert.Equal("010203040506070811121314151617182122232425262728", Hex.Of(read.JoinData()));
        Assert.Equal(Hex.Bytes(FeigSamples.AnnexFReadEightByteBlocksReply), FeigEncoder.Encode(read));
    }

    [Theory]
    [InlineData("CpuReset", "05 FF 63 D3 AE")] // §6.3, p.65: LEN 5, no data
    [InlineData("GetSoftwareVersion", "05 FF 65 E5 CB")] // §6.4, p.66
    [InlineData("GetReaderInfo", "06 FF 66 00 CD BF")] // §6.5, p.68: MODE 0x00
    [InlineData("RfReset", "05 FF 69 89 01")] // §6.6, p.72
    [InlineData("RfOutputAntenna1", "06 FF 6A 01 E4 07")] // §6.7, p.73: ANT_OUT b01
    [InlineData("Inventory", "07 FF B0 01 00 1C 56")] // §7.1.1, p.81; Biblio-RFID CPRM02.pm sends "FF B0 01 00"
    [InlineData("InventoryMore", "07 FF B0 01 80 14 D2")] // §7.1.1, p.82: MODE bit 7 MORE
    [InlineData("ReadEightBlocksWithSecurity", "11 FF B0 23 09 E0 04 01 00 31 26 91 17 00 08 0A 62")] // §7.1.3, p.93: MODE SEC|ADR
    [InlineData("WriteAfi", "10 FF B0 27 01 E0 04 01 00 31 26 91 17 C2 F1 A8")] // §7.2.5, p.101
    [InlineData("LockAfi", "0F FF B0 28 01 E0 04 01 00 31 26 91 17 98 51")] // §7.2.6, p.102
    [InlineData("GetSystemInformation", "0F FF B0 2B 01 E0 04 01 00 31 26 91 17 F1 25")] // §7.2.8, p.104
    [InlineData("SetEas", "10 FF B1 04 A2 01 E0 04 01 00 31 26 91 17 1C 3D")] // [0xB1] MFR CMD MODE UID, FEIG FEDM library
    [InlineData("ResetEasNonAddressed", "08 FF B1 04 A3 00 A3 47")]
    public void Requests_encode_as_the_manual_lays_them_out(string name, string expected)
    {
        FeigRequest request = name switch
        {
            "CpuReset" => new FeigCpuResetRequest(),
            "GetSoftwareVersion" => new FeigGetSoftwareVersionRequest(),
            "GetReaderInfo" => new FeigGetReaderInfoRequest { Mode = 0x00 },
            "RfReset" => new FeigRfResetRequest(),
            "RfOutputAntenna1" => new FeigRfOutputRequest { AntennaOutput = 0x01 },
            "Inventory" => new FeigInventoryRequest(),
            "InventoryMore" => new FeigInventoryRequest { Options = FeigInventoryOptions.MoreData },
            "ReadEightBlocksWithSecurity" => new FeigReadMultipleBlocksRequest { Uid = FeigSamples.Book, FirstBlock = 0, BlockCount = 8, RequestSecurityStatus = true },
            "WriteAfi" => new FeigWriteAfiRequest { Uid = FeigSamples.Book, Afi = 0xC2 },
            "LockAfi" => new FeigLockAfiRequest { Uid = FeigSamples.Book },
            "GetSystemInformation" => new FeigGetSystemInformationRequest { Uid = FeigSamples.Book },
            "SetEas" => new FeigNxpCustomRequest { CustomCommand = FeigNxpCustomCommand.SetEas, Uid = FeigSamples.Book },
            "ResetEasNonAddressed" => new FeigNxpCustomRequest { CustomCommand = FeigNxpCustomCommand.ResetEas, Mode = FeigAddressingMode.NonAddressed },
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        var encoded = FeigEncoder.Encode(request);

        Assert.Equal(expected.Replace(" ", string.Empty, StringComparison.Ordinal), Hex.Of(encoded));
        Assert.Equal(request, DecodeRequest(expected));
    }

    [Fact]
    public void Inventory_reply_with_two_iso_15693_tags_decodes_uid_most_significant_byte_first()
    {
        // §7.1.1.1, p.84: DATA-SETS, then TR-TYPE DSFID UID(8) per tag; byte 8 is 0xE0, byte 9 the manufacturer.
        var response = DecodeReply(
            "1B 00 B0 00 02 03 00 E0 04 01 00 31 26 91 17 03 06 E0 04 01 00 1F 77 FB 98 05 21",
            new FeigInventoryRequest());

        var inventory = Assert.IsType<FeigInventoryResponse>(response);
        Assert.Equal([FeigSamples.Book, FeigSamples.PatronCard], inventory.Transponders.Select(entry => entry.Uid));
        Assert.Equal(0x04, inventory.Transponders[0].Uid.ManufacturerCode);
        Assert.Equal(0x06, inventory.Transponders[1].Dsfid);
    }

    [Fact]
    public void Inventory_reply_with_more_data_keeps_the_sets_it_carries()
    {
        var response = DecodeReply("11 00 B0 94 01 03 00 E0 04 01 00 31 26 91 17 56 0D", new FeigInventoryRequest());

        var inventory = Assert.IsType<FeigInventoryResponse>(response);
        Assert.Equal(FeigStatus.MoreData, inventory.Status);
        Assert.Equal(FeigSamples.Book, Assert.Single(inventory.Transponders).Uid);
    }

    [Fact]
    public void Inventory_reply_with_no_transponder_has_no_data_sets()
    {
        var response = DecodeReply("06 00 B0 01 5C 63", new FeigInventoryRequest());

        var inventory = Assert.IsType<FeigInventoryResponse>(response);
        Assert.Equal(FeigStatus.NoTransponder, inventory.Status);
        Assert.Empty(inventory.Transponders);
    }

    [Fact]
    public void Iso_error_reply_carries_the_transponder_error_code()
    {
        // Annex C, p.156: status 0x95 with the ISO 15693 error code as data; Annex C1 0x10: block not available.
        var response = DecodeReply("07 00 B0 95 10 72 FD", new FeigReadMultipleBlocksRequest { Uid = FeigSamples.Book, FirstBlock = 40, BlockCount = 1 });

        Assert.Equal(FeigStatus.Iso15693Error, response.Status);
        Assert.Equal((byte)0x10, response.IsoError);
        Assert.Contains("block not available", response.Meaning, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_error_reply_names_the_block_that_failed()
    {
        // §7.1.4, p.95: STATUS 0x03 → DB_ADR-E; STATUS 0x95 → ISO-ERROR DB_ADR-E.
        var request = new FeigWriteMultipleBlocksRequest { Uid = FeigSamples.Book, Data = new byte[12] };

        var writeError = Assert.IsType<FeigWriteMultipleBlocksResponse>(DecodeReply("07 00 B0 03 02 6C 83", request));
        var isoError = Assert.IsType<FeigWriteMultipleBlocksResponse>(DecodeReply("08 00 B0 95 13 02 9B 64", request));

        Assert.Equal((byte)2, writeError.ErrorBlockAddress);
        Assert.Null(writeError.IsoError);
        Assert.Equal((byte)2, isoError.ErrorBlockAddress);
        Assert.Equal((byte)0x13, isoError.IsoError);
    }

    [Fact]
    public void System_information_reply_decodes_every_field()
    {
        // §7.2.8, p.104: DSFID UID(8) AFI MEM-SIZE(2) IC-REF.
        var response = DecodeReply("13 00 B0 00 00 E0 04 01 00 31 26 91 17 C2 03 1B 01 9E 62", new FeigGetSystemInformationRequest { Uid = FeigSamples.Book });

        var information = Assert.IsType<FeigSystemInformationResponse>(response);
        Assert.Equal(FeigSamples.Book, information.Uid);
        Assert.Equal(0xC2, information.Afi);
        Assert.Equal(0x03, information.BlockSizeField);
        Assert.Equal(0x1B, information.BlockCountField);
        Assert.Equal(0x01, information.IcReference);
    }

    [Fact]
    public void Software_version_reply_decodes_revision_and_reader_type()
    {
        // §6.4, p.66: LEN 13; SW-TYPE 80 is ID CPR.M02 (Annex B, p.155).
        var response = DecodeReply("0D 00 65 00 02 05 00 00 50 00 08 90 08", request: null);

        var version = Assert.IsType<FeigSoftwareVersionResponse>(response);
        Assert.Equal(0x0205, version.SoftwareRevision);
        Assert.Equal(80, version.ReaderType);
        Assert.Equal(0x0008, version.TransponderTypes);
    }

    [Fact]
    public void Cpu_reset_reply_is_a_status_only_frame_of_six_bytes()
    {
        // §6.3, p.65: LEN 6 COM-ADR [0x63] STATUS CRC16.
        var response = DecodeReply("06 00 63 00 86 07", request: null);

        Assert.Equal(FeigStatus.Ok, response.Status);
        Assert.Equal((byte)FeigCommand.CpuReset, response.Command);
    }

    private static FeigRequest DecodeRequest(string hex)
    {
        Assert.True(FeigFrame.TryParse(Hex.Bytes(hex), FrameDirection.HostToReader, out var frame, out var problem), problem);
        Assert.True(frame.CrcValid);
        Assert.True(FeigMessageParser.TryParseRequest(frame, out var request, out problem), problem);
        return request;
    }

    private static FeigResponse DecodeReply(string hex, FeigRequest? request)
    {
        Assert.True(FeigFrame.TryParse(Hex.Bytes(hex), FrameDirection.ReaderToHost, out var frame, out var problem), problem);
        Assert.True(frame.CrcValid, $"CRC carried {frame.CarriedCrc:X4}, computed {frame.ComputedCrc:X4}");
        Assert.True(FeigMessageParser.TryParseResponse(frame, request, out var response, out problem), problem);
        return response;
    }
}
