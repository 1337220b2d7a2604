using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Kiosk.Protocols.Readers.Feig.Messages;

namespace Kiosk.Protocols.Readers.Feig;

/// <summary>
/// Turns a <see cref="FeigFrame"/>'s data into a request or reply record. A reply to [0xB0] does not repeat the
/// sub-command, so reading its data needs the request it answers; without it the reply stays a
/// <see cref="FeigStatusResponse"/>. Never throws on bad input.
/// </summary>
public static class FeigMessageParser
{
    /// <summary>Reads a request frame (the simulator's side).</summary>
    public static bool TryParseRequest(FeigFrame frame, [NotNullWhen(true)] out FeigRequest? request, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(frame);
        request = null;
        var reader = new FrameReader(frame.Data.Span);
        switch ((FeigCommand)frame.Command)
        {
            case FeigCommand.CpuReset when reader.Remaining == 0:
                request = new FeigCpuResetRequest { Address = frame.Address };
                break;
            case FeigCommand.GetSoftwareVersion when reader.Remaining == 0:
                request = new FeigGetSoftwareVersionRequest { Address = frame.Address };
                break;
            case FeigCommand.RfReset when reader.Remaining == 0:
                request = new FeigRfResetRequest { Address = frame.Address };
                break;
            case FeigCommand.GetReaderInfo when reader.Remaining == 1:
                request = new FeigGetReaderInfoRequest { Address = frame.Address, Mode = frame.Data.Span[0] };
                break;
            case FeigCommand.RfOutput when reader.Remaining == 1:
                request = new FeigRfOutputRequest { Address = frame.Address, AntennaOutput = frame.Data.Span[0] };
                break;
            case FeigCommand.CpuReset or FeigCommand.GetSoftwareVersion or FeigCommand.RfReset or FeigCommand.GetReaderInfo or FeigCommand.RfOutput:
                problem = string.Create(CultureInfo.InvariantCulture, $"command 0x{frame.Command:X2} carries {reader.Remaining} data byte(s), which the manual does not allow");
                return false;
            case FeigCommand.IsoStandardHostCommand:
                return TryParseIsoRequest(frame, ref reader, out request, out problem);
            case FeigCommand.IsoCustomHostCommand:
                return TryParseCustomRequest(frame, ref reader, out request, out problem);
            default:
                request = new FeigUnknownRequest { Address = frame.Address, CommandByte = frame.Command, Data = frame.Data };
                break;
        }

        problem = null;
        return true;
    }

    /// <summary>
    /// Reads a reply frame (the driver's side). Pass the request it answers so [0xB0] data can be read; the frame must
    /// be a reply (<see cref="FrameDirection.ReaderToHost"/>).
    /// </summary>
    public static bool TryParseResponse(FeigFrame frame, FeigRequest? request, [NotNullWhen(true)] out FeigResponse? response, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(frame);
        response = null;
        if (frame.Status is not { } status)
        {
            problem = "the frame was read as a request, so it has no status; decode it as a reply (from the reader)";
            return false;
        }

        var data = frame.Data.Span;
        byte? isoError = null;
        if (status == FeigStatus.Iso15693Error)
        {
            if (data.IsEmpty)
            {
                problem = "status 0x95 (ISO 15693 error) must be followed by the ISO error code, but the data field is empty";
                return false;
            }

            isoError = data[0];
            data = data[1..];
        }

        var reader = new FrameReader(data);
        var isoCommand = (request as FeigIsoRequest)?.IsoCommand;
        if (request is not null && request.Command != frame.Command)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"the reply echoes command 0x{frame.Command:X2}, but the request was 0x{request.Command:X2}");
            return false;
        }

        switch ((FeigCommand)frame.Command)
        {
            case FeigCommand.GetSoftwareVersion when status == FeigStatus.Ok:
                return TryParseSoftwareVersion(frame, ref reader, out response, out problem);
            case FeigCommand.IsoStandardHostCommand when isoCommand == FeigIsoCommand.Inventory:
                return TryParseInventory(frame, status, ref reader, out response, out problem);
            case FeigCommand.IsoStandardHostCommand when isoCommand == FeigIsoCommand.ReadMultipleBlocks && status != FeigStatus.Iso15693Error && reader.Remaining > 0:
                return TryParseBlocks(frame, status, ref reader, out response, out problem);
            case FeigCommand.IsoStandardHostCommand when isoCommand == FeigIsoCommand.WriteMultipleBlocks:
                return TryParseWriteResult(frame, status, isoError, ref reader, out response, out problem);
            case FeigCommand.IsoStandardHostCommand when isoCommand == FeigIsoCommand.GetSystemInformation && status == FeigStatus.Ok:
                return TryParseSystemInformation(frame, ref reader, out response, out problem);
        }

        response = new FeigStatusResponse { Address = frame.Address, CommandByte = frame.Command, Status = status, IsoError = isoError, Data = data.ToArray() };
        problem = null;
        return true;
    }

    private static bool TryParseIsoRequest(FeigFrame frame, ref FrameReader reader, out FeigRequest? request, out string? problem)
    {
        request = null;
        if (!reader.TryReadByte(out var subCommand))
        {
            problem = "an [0xB0] ISO host command needs a sub-command byte, but the data field is empty";
            return false;
        }

        if (subCommand == (byte)FeigIsoCommand.Inventory)
        {
            if (!reader.TryReadByte(out var mode))
            {
                problem = "inventory [0x01] needs its MODE byte";
                return false;
            }

            var options = (FeigInventoryOptions)mode;
            byte notificationTime = 0;
            if (options.HasFlag(FeigInventoryOptions.Notification) && !reader.TryReadByte(out notificationTime))
            {
                problem = "inventory with the NTFC bit needs NTFC_TIME after MODE";
                return false;
            }

            return Finish(new FeigInventoryRequest { Address = frame.Address, Options = options, NotificationTime = notificationTime }, ref reader, out request, out problem);
        }

        if (subCommand is not ((byte)FeigIsoCommand.ReadMultipleBlocks or (byte)FeigIsoCommand.WriteMultipleBlocks or (byte)FeigIsoCommand.WriteAfi
            or (byte)FeigIsoCommand.LockAfi or (byte)FeigIsoCommand.GetSystemInformation))
        {
            request = new FeigUnknownRequest { Address = frame.Address, CommandByte = frame.Command, Data = frame.Data };
            problem = null;
            return true;
        }

        if (!TryReadModeAndUid(ref reader, out var modeByte, out var uid, out problem))
        {
            return false;
        }

        var addressing = (FeigAddressingMode)(modeByte & 0x07);
        switch ((FeigIsoCommand)subCommand)
        {
            case FeigIsoCommand.ReadMultipleBlocks:
                if (!reader.TryReadByte(out var first) || !reader.TryReadByte(out var count))
                {
                    problem = "read multiple blocks [0x23] needs DB_ADR and DB-N after the mode (and UID)";
                    return false;
                }

                return Finish(
                    new FeigReadMultipleBlocksRequest
                    {
                        Address = frame.Address,
                        Mode = addressing,
                        Uid = uid,
                        FirstBlock = first,
                        BlockCount = count,
                        RequestSecurityStatus = (modeByte & FeigReadMultipleBlocksRequest.SecurityStatusFlag) != 0,
                    },
                    ref reader,
                    out request,
                    out problem);

            case FeigIsoCommand.WriteMultipleBlocks:
                if (!reader.TryReadByte(out var firstBlock) || !reader.TryReadByte(out var blockCount) || !reader.TryReadByte(out var blockSize))
                {
                    problem = "write multiple blocks [0x24] needs DB_ADR, DB-N and DB-SIZE after the mode (and UID)";
                    return false;
                }

                if (blockSize == 0 || !reader.TryRead(blockCount * blockSize, out var wire))
                {
                    problem = string.Create(CultureInfo.InvariantCulture, $"write multiple blocks declares {blockCount} block(s) of {blockSize} byte(s) but carries {reader.Remaining} data byte(s)");
                    return false;
                }

                return Finish(
                    new FeigWriteMultipleBlocksRequest { Address = frame.Address, Mode = addressing, Uid = uid, FirstBlock = firstBlock, BlockSize = blockSize, Data = ReverseEachBlock(wire, blockSize) },
                    ref reader,
                    out request,
                    out problem);

            case FeigIsoCommand.WriteAfi:
                if (!reader.TryReadByte(out var afi))
                {
                    problem = "write AFI [0x27] needs the AFI byte after the mode (and UID)";
                    return false;
                }

                return Finish(new FeigWriteAfiRequest { Address = frame.Address, Mode = addressing, Uid = uid, Afi = afi }, ref reader, out request, out problem);

            case FeigIsoCommand.LockAfi:
                return Finish(new FeigLockAfiRequest { Address = frame.Address, Mode = addressing, Uid = uid }, ref reader, out request, out problem);

            default:
                return Finish(new FeigGetSystemInformationRequest { Address = frame.Address, Mode = addressing, Uid = uid }, ref reader, out request, out problem);
        }
    }

    private static bool TryParseCustomRequest(FeigFrame frame, ref FrameReader reader, out FeigRequest? request, out string? problem)
    {
        request = null;
        if (!reader.TryReadByte(out var manufacturer) || !reader.TryReadByte(out var custom))
        {
            problem = "an [0xB1] custom command needs the manufacturer code and the command code";
            return false;
        }

        if (manufacturer != FeigNxpCustomRequest.NxpManufacturerCode
            || custom is not ((byte)FeigNxpCustomCommand.SetEas or (byte)FeigNxpCustomCommand.ResetEas or (byte)FeigNxpCustomCommand.EasAlarm))
        {
            request = new FeigUnknownRequest { Address = frame.Address, CommandByte = frame.Command, Data = frame.Data };
            problem = null;
            return true;
        }

        if (!TryReadModeAndUid(ref reader, out var mode, out var uid, out problem))
        {
            return false;
        }

        return Finish(
            new FeigNxpCustomRequest { Address = frame.Address, CustomCommand = (FeigNxpCustomCommand)custom, Mode = (FeigAddressingMode)(mode & 0x07), Uid = uid },
            ref reader,
            out request,
            out problem);
    }

    private static bool TryReadModeAndUid(ref FrameReader reader, out byte mode, out TransponderUid? uid, out string? problem)
    {
        uid = null;
        if (!reader.TryReadByte(out mode))
        {
            problem = "the MODE byte is missing";
            return false;
        }

        if ((mode & 0x07) == (byte)FeigAddressingMode.Addressed)
        {
            if (!reader.TryReadUid(out var value))
            {
                problem = "addressed mode needs the 8-byte UID after MODE, but the frame ends first";
                return false;
            }

            uid = value;
        }

        problem = null;
        return true;
    }

    private static bool Finish(FeigRequest parsed, ref FrameReader reader, out FeigRequest? request, out string? problem)
    {
        if (reader.Remaining != 0)
        {
            request = null;
            problem = string.Create(CultureInfo.InvariantCulture, $"{reader.Remaining} unexpected byte(s) after the request data");
            return false;
        }

        request = parsed;
        problem = null;
        return true;
    }

    private static bool TryParseSoftwareVersion(FeigFrame frame, ref FrameReader reader, out FeigResponse? response, out string? problem)
    {
        response = null;
        if (!reader.TryRead(7, out var bytes) || reader.Remaining != 0)
        {
            problem = "a Get Software Version reply carries SW-REV(2) D-REV HW-TYPE SW-TYPE TR-TYPE(2): 7 bytes";
            return false;
        }

        response = new FeigSoftwareVersionResponse
        {
            Address = frame.Address,
            Status = FeigStatus.Ok,
            SoftwareRevision = (ushort)((bytes[0] << 8) | bytes[1]),
            DevelopmentRevision = bytes[2],
            HardwareType = bytes[3],
            ReaderType = bytes[4],
            TransponderTypes = (ushort)((bytes[5] << 8) | bytes[6]),
        };
        problem = null;
        return true;
    }

    private static bool TryParseInventory(FeigFrame frame, FeigStatus status, ref FrameReader reader, out FeigResponse? response, out string? problem)
    {
        response = null;
        var entries = new List<FeigInventoryEntry>();
        if (reader.TryReadByte(out var count))
        {
            for (var index = 0; index < count; index++)
            {
                if (!reader.TryReadByte(out var type) || !reader.TryReadByte(out var dsfid))
                {
                    problem = string.Create(CultureInfo.InvariantCulture, $"the inventory reply announces {count} data set(s) but ends inside set {index + 1}");
                    return false;
                }

                if (type != FeigInventoryEntry.Iso15693TransponderType)
                {
                    problem = string.Create(CultureInfo.InvariantCulture, $"data set {index + 1} is transponder type 0x{type:X2}; only ISO 15693 (0x03) data sets are decoded");
                    return false;
                }

                if (!reader.TryReadUid(out var uid))
                {
                    problem = string.Create(CultureInfo.InvariantCulture, $"the inventory reply announces {count} data set(s) but ends inside set {index + 1}");
                    return false;
                }

                entries.Add(new FeigInventoryEntry(uid, dsfid, type));
            }
        }

        if (reader.Remaining != 0)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"{reader.Remaining} byte(s) follow the inventory data sets");
            return false;
        }

        response = new FeigInventoryResponse { Address = frame.Address, Status = status, Transponders = entries };
        problem = null;
        return true;
    }

    private static bool TryParseBlocks(FeigFrame frame, FeigStatus status, ref FrameReader reader, out FeigResponse? response, out string? problem)
    {
        response = null;
        if (!reader.TryReadByte(out var count) || !reader.TryReadByte(out var size))
        {
            problem = "a Read Multiple Blocks reply starts with DB-N and DB-SIZE";
            return false;
        }

        if (reader.Remaining != count * (size + 1))
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"{count} block(s) of {size} byte(s) need {count * (size + 1)} byte(s) with their security status, but {reader.Remaining} follow");
            return false;
        }

        var blocks = new FeigBlock[count];
        for (var index = 0; index < count; index++)
        {
            reader.TryReadByte(out var security);
            reader.TryRead(size, out var wire);
            var data = wire.ToArray();
            Array.Reverse(data);
            blocks[index] = new FeigBlock(security, data);
        }

        response = new FeigReadMultipleBlocksResponse { Address = frame.Address, Status = status, BlockSize = size, Blocks = blocks };
        problem = null;
        return true;
    }

    private static bool TryParseWriteResult(FeigFrame frame, FeigStatus status, byte? isoError, ref FrameReader reader, out FeigResponse? response, out string? problem)
    {
        response = null;
        byte? errorBlock = null;
        if (reader.TryReadByte(out var block))
        {
            errorBlock = block;
        }

        if (reader.Remaining != 0)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"a Write Multiple Blocks reply carries at most DB_ADR-E, but {reader.Remaining + 1} byte(s) follow");
            return false;
        }

        response = new FeigWriteMultipleBlocksResponse { Address = frame.Address, Status = status, IsoError = isoError, ErrorBlockAddress = errorBlock };
        problem = null;
        return true;
    }

    private static bool TryParseSystemInformation(FeigFrame frame, ref FrameReader reader, out FeigResponse? response, out string? problem)
    {
        response = null;
        if (!reader.TryReadByte(out var dsfid) || !reader.TryReadUid(out var uid) || !reader.TryRead(4, out var rest) || reader.Remaining != 0)
        {
            problem = "a Get System Information reply carries DSFID UID(8) AFI MEM-SIZE(2) IC-REF: 13 bytes";
            return false;
        }

        response = new FeigSystemInformationResponse
        {
            Address = frame.Address,
            Status = FeigStatus.Ok,
            Dsfid = dsfid,
            Uid = uid,
            Afi = rest[0],
            BlockSizeField = rest[1],
            BlockCountField = rest[2],
            IcReference = rest[3],
        };
        problem = null;
        return true;
    }

    private static byte[] ReverseEachBlock(ReadOnlySpan<byte> wire, int blockSize)
    {
        var data = wire.ToArray();
        for (var offset = 0; offset < data.Length; offset += blockSize)
        {
            data.AsSpan(offset, blockSize).Reverse();
        }

        return data;
    }
}
