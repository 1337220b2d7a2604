using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Readers.Feig;
using Kiosk.Protocols.Readers.Feig.Messages;

namespace Kiosk.Protocols.Tests.Readers;

/// <summary>Frames from the manual and layouts built from its tables, shared by the FEIG tests.</summary>
internal static class FeigSamples
{
    // ID CPR manual H20800-16e-ID-B, Annex F "Examples for Read Data", p.164 (ISO-Host Command, DB-Size 4).
    public const string AnnexFWriteFourByteBlocks = "1E FF B0 24 01 E0 07 00 00 01 47 67 7E 00 03 04 04 03 02 01 14 13 12 11 24 23 22 21 7C 34";
    public const string AnnexFReadFourByteBlocksReply = "17 00 B0 00 03 04 00 04 03 02 01 00 14 13 12 11 00 24 23 22 21 B4 5B";

    // Same page, DB-Size 8.
    public const string AnnexFWriteEightByteBlocks = "2A FF B0 24 01 60 05 00 00 02 11 25 04 03 03 08 08 07 06 05 04 03 02 01 18 17 16 15 14 13 12 11 28 27 26 25 24 23 22 21 E6 25";
    public const string AnnexFReadEightByteBlocksReply = "23 00 B0 00 03 08 00 08 07 06 05 04 03 02 01 00 18 17 16 15 14 13 12 11 00 28 27 26 25 24 23 22 21 99 65";

    public static readonly TransponderUid Book = new(0xE004010031269117);
    public static readonly TransponderUid PatronCard = new(0xE00401001F77FB98);

    public static IEnumerable<FeigRequest> Requests() =>
    [
        new FeigCpuResetRequest(),
        new FeigGetSoftwareVersionRequest(),
        new FeigGetReaderInfoRequest { Mode = 0x80 },
        new FeigRfResetRequest { Address = 0x03 },
        new FeigRfOutputRequest { AntennaOutput = 0x01 },
        new FeigInventoryRequest(),
        new FeigInventoryRequest { Options = FeigInventoryOptions.MoreData },
        new FeigInventoryRequest { Options = FeigInventoryOptions.Notification, NotificationTime = 25 },
        new FeigReadMultipleBlocksRequest { Uid = Book, FirstBlock = 0, BlockCount = 8, RequestSecurityStatus = true },
        new FeigReadMultipleBlocksRequest { Mode = FeigAddressingMode.NonAddressed, FirstBlock = 4, BlockCount = 4 },
        new FeigWriteMultipleBlocksRequest { Uid = Book, FirstBlock = 2, Data = Hex.Bytes("11 22 33 44 55 66 77 88") },
        new FeigWriteAfiRequest { Uid = Book, Afi = 0xC2 },
        new FeigWriteAfiRequest { Mode = FeigAddressingMode.Selected, Afi = 0x07 },
        new FeigLockAfiRequest { Uid = Book },
        new FeigGetSystemInformationRequest { Uid = PatronCard },
        new FeigNxpCustomRequest { CustomCommand = FeigNxpCustomCommand.SetEas, Uid = Book },
        new FeigNxpCustomRequest { CustomCommand = FeigNxpCustomCommand.ResetEas, Mode = FeigAddressingMode.NonAddressed },
        new FeigNxpCustomRequest { CustomCommand = FeigNxpCustomCommand.EasAlarm, Uid = PatronCard },
        new FeigUnknownRequest { CommandByte = 0x71, Data = Hex.Bytes("00 01 00 00 00 05 00 00") },
    ];

    /// <summary>Each reply with the request it answers, since [0xB0] replies need it to be read.</summary>
    public static IEnumerable<(FeigRequest Request, FeigResponse Response)> Replies() =>
    [
        (new FeigCpuResetRequest(), new FeigStatusResponse { CommandByte = 0x63 }),
        (new FeigGetSoftwareVersionRequest(), new FeigSoftwareVersionResponse { SoftwareRevision = 0x0205, HardwareType = 0x00, ReaderType = 80, TransponderTypes = 0x0008 }),
        (new FeigRfResetRequest(), new FeigStatusResponse { CommandByte = 0x69, Address = 0x03 }),
        (new FeigInventoryRequest(), new FeigInventoryResponse { Transponders = [new(Book), new(PatronCard, 0x06)] }),
        (new FeigInventoryRequest(), new FeigInventoryResponse { Status = FeigStatus.NoTransponder }),
        (new FeigInventoryRequest(), new FeigInventoryResponse { Status = FeigStatus.MoreData, Transponders = [new(Book)] }),
        (new FeigReadMultipleBlocksRequest { Uid = Book, BlockCount = 2 }, new FeigReadMultipleBlocksResponse { Blocks = [new(0, Hex.Bytes("04 11 00 01")), new(1, Hex.Bytes("31 33 30 32"))] }),
        (new FeigReadMultipleBlocksRequest { Uid = Book, BlockCount = 2 }, new FeigStatusResponse { CommandByte = 0xB0, Status = FeigStatus.Iso15693Error, IsoError = 0x10 }),
        (new FeigWriteMultipleBlocksRequest { Uid = Book, Data = new byte[8] }, new FeigWriteMultipleBlocksResponse()),
        (new FeigWriteMultipleBlocksRequest { Uid = Book, Data = new byte[8] }, new FeigWriteMultipleBlocksResponse { Status = FeigStatus.WriteError, ErrorBlockAddress = 2 }),
        (new FeigWriteMultipleBlocksRequest { Uid = Book, Data = new byte[8] }, new FeigWriteMultipleBlocksResponse { Status = FeigStatus.Iso15693Error, IsoError = 0x12, ErrorBlockAddress = 1 }),
        (new FeigWriteAfiRequest { Uid = Book, Afi = 0x07 }, new FeigStatusResponse { CommandByte = 0xB0 }),
        (new FeigGetSystemInformationRequest { Uid = Book }, new FeigSystemInformationResponse { Uid = Book, Afi = 0xC2, BlockSizeField = 0x03, BlockCountField = 0x1B, IcReference = 0x01 }),
        (new FeigNxpCustomRequest { CustomCommand = FeigNxpCustomCommand.EasAlarm, Uid = Book }, new FeigStatusResponse { CommandByte = 0xB1, Data = Hex.Bytes("01 02 03 04") }),
    ];
}
