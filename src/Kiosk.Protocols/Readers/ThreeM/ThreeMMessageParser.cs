using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Kiosk.Protocols.Readers.ThreeM.Messages;

namespace Kiosk.Protocols.Readers.ThreeM;

/// <summary>
/// Turns a <see cref="ThreeMFrame"/>'s fields into a request or reply record. 3M replies echo the command, so no
/// context is needed. Never throws on bad input.
/// </summary>
public static class ThreeMMessageParser
{
    /// <summary>Reads a request frame (the simulator's side).</summary>
    public static bool TryParseRequest(ThreeMFrame frame, [NotNullWhen(true)] out ThreeMRequest? request, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(frame);
        request = null;
        var reader = new FrameReader(frame.Body.Span);
        if (frame.StartByte != ThreeMFrameSyntax.StartByte)
        {
            request = new ThreeMUnknownRequest { StartByte = frame.StartByte, CommandByte = frame.Command, Body = frame.Body };
            problem = null;
            return true;
        }

        switch ((ThreeMCommand)frame.Command)
        {
            case ThreeMCommand.Inventory:
                if (!reader.TryReadByte(out var afi) || !reader.TryReadByte(out var options))
                {
                    problem = "an inventory (0xFE) request carries the AFI and the response options";
                    return false;
                }

                byte protocols = 0;
                if ((options & ThreeMInventoryRequest.ProtocolsIncluded) != 0 && !reader.TryReadByte(out protocols))
                {
                    problem = "response option bit 6 announces a protocols byte, but the request ends first";
                    return false;
                }

                return Finish(new ThreeMInventoryRequest { Afi = afi, ResponseOptions = options, Protocols = protocols }, ref reader, out request, out problem);

            case ThreeMCommand.ReadBlocks:
                if (!reader.TryReadUid(out var readUid) || !reader.TryReadByte(out var first) || !reader.TryReadByte(out var count))
                {
                    problem = "a Read Multiblock (0x02) request carries UID(8), first block and block count";
                    return false;
                }

                byte? readOptions = reader.TryReadByte(out var value) ? value : null;
                return Finish(new ThreeMReadBlocksRequest { Uid = readUid, FirstBlock = first, BlockCount = count, ResponseOptions = readOptions }, ref reader, out request, out problem);

            case ThreeMCommand.WriteBlocks:
                if (!reader.TryReadUid(out var writeUid) || !reader.TryReadByte(out var firstBlock) || !reader.TryReadByte(out var blockCount) || !reader.TryReadByte(out var flags))
                {
                    problem = "a Write Multiblock (0x04) request carries UID(8), first block, block count and a flags byte";
                    return false;
                }

                if (!reader.TryRead(blockCount * ThreeMWriteBlocksRequest.BlockSize, out var data))
                {
                    problem = string.Create(CultureInfo.InvariantCulture, $"Write Multiblock declares {blockCount} block(s) of 4 bytes but carries {reader.Remaining} data byte(s)");
                    return false;
                }

                return Finish(new ThreeMWriteBlocksRequest { Uid = writeUid, FirstBlock = firstBlock, Flags = flags, Data = data.ToArray() }, ref reader, out request, out problem);

            case ThreeMCommand.WriteAfi:
                if (!reader.TryReadUid(out var afiUid) || !reader.TryReadByte(out var newAfi))
                {
                    problem = "a Write AFI (0x09) request carries UID(8) and the AFI";
                    return false;
                }

                return Finish(new ThreeMWriteAfiRequest { Uid = afiUid, Afi = newAfi }, ref reader, out request, out problem);

            case ThreeMCommand.GetAfi:
                if (!reader.TryReadUid(out var getUid))
                {
                    problem = "a Get AFI (0x0A) request carries UID(8)";
                    return false;
                }

                return Finish(new ThreeMGetAfiRequest { Uid = getUid }, ref reader, out request, out problem);

            default:
                request = new ThreeMUnknownRequest { CommandByte = frame.Command, Body = frame.Body };
                problem = null;
                return true;
        }
    }

    /// <summary>Reads a reply frame (the driver's side).</summary>
    public static bool TryParseResponse(ThreeMFrame frame, [NotNullWhen(true)] out ThreeMResponse? response, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(frame);
        response = null;
        if (frame.Error is not { } error)
        {
            problem = "the frame was read as a request, so it has no error code; decode it as a reply (from the reader)";
            return false;
        }

        var reader = new FrameReader(frame.Body.Span);
        if (frame.StartByte != ThreeMFrameSyntax.StartByte)
        {
            response = new ThreeMUnknownResponse { StartByte = frame.StartByte, CommandByte = frame.Command, Error = error, Body = frame.Body };
            problem = null;
            return true;
        }

        if (error != ThreeMErrorCode.None)
        {
            // Commands 0x01–0x0F name a tag and echo its UID even when they fail (§3.3; Check EAS example, §7.13).
            TransponderUid? uid = frame.Command is >= 0x01 and <= 0x0F && reader.TryReadUid(out var echoed) ? echoed : null;
            response = new ThreeMErrorResponse { CommandByte = frame.Command, Error = error, Uid = uid, Rest = reader.Rest.ToArray() };
            problem = null;
            return true;
        }

        switch ((ThreeMCommand)frame.Command)
        {
            case ThreeMCommand.Inventory:
                return TryParseInventory(ref reader, out response, out problem);

            case ThreeMCommand.ReadBlocks:
                return TryParseBlocks(ref reader, out response, out problem);

            case ThreeMCommand.WriteBlocks:
                if (!reader.TryReadUid(out var writeUid))
                {
                    problem = "a Write Multiblock reply carries the UID(8)";
                    return false;
                }

                byte? next = reader.TryReadByte(out var block) ? block : null;
                return Finish(new ThreeMWriteBlocksResponse { Uid = writeUid, NextBlock = next }, ref reader, out response, out problem);

            case ThreeMCommand.WriteAfi:
                if (!reader.TryReadUid(out var afiUid))
                {
                    problem = "a Write AFI reply carries the UID(8)";
                    return false;
                }

                return Finish(new ThreeMWriteAfiResponse { Uid = afiUid }, ref reader, out response, out problem);

            case ThreeMCommand.GetAfi:
                if (!reader.TryReadUid(out var getUid) || !reader.TryReadByte(out var afi))
                {
                    problem = "a Get AFI reply carries UID(8) and the AFI";
                    return false;
                }

                return Finish(new ThreeMGetAfiResponse { Uid = getUid, Afi = afi }, ref reader, out response, out problem);

            default:
                response = new ThreeMUnknownResponse { CommandByte = frame.Command, Error = error, Body = frame.Body };
                problem = null;
                return true;
        }
    }

    private static bool TryParseInventory(ref FrameReader reader, out ThreeMResponse? response, out string? problem)
    {
        response = null;
        if (!reader.TryReadByte(out var afi) || !reader.TryReadByte(out var options) || !reader.TryReadByte(out var count))
        {
            problem = "an inventory reply carries AFI, response options and the number of tags";
            return false;
        }

        var withDsfid = (options & ThreeMInventoryRequest.ReturnDsfid) != 0;
        if ((options & ThreeMInventoryRequest.ReturnAddress) == 0 && count > 0)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"response options 0x{options:X2} return no UID (bit 0 clear); only replies with UIDs are decoded");
            return false;
        }

        var tags = new List<ThreeMInventoryTag>(count);
        for (var index = 0; index < count; index++)
        {
            byte? dsfid = null;
            if (withDsfid)
            {
                if (!reader.TryReadByte(out var value))
                {
                    problem = string.Create(CultureInfo.InvariantCulture, $"the inventory reply announces {count} tag(s) but ends inside tag {index + 1}");
                    return false;
                }

                dsfid = value;
            }

            if (!reader.TryReadUid(out var uid))
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"the inventory reply announces {count} tag(s) but ends inside tag {index + 1}");
                return false;
            }

            tags.Add(new ThreeMInventoryTag(uid, dsfid));
        }

        return Finish(new ThreeMInventoryResponse { Afi = afi, ResponseOptions = options, Tags = tags }, ref reader, out response, out problem);
    }

    private static bool TryParseBlocks(ref FrameReader reader, out ThreeMResponse? response, out string? problem)
    {
        response = null;
        if (!reader.TryReadUid(out var uid) || !reader.TryReadByte(out var count))
        {
            problem = "a Read Multiblock reply carries UID(8) and the number of blocks";
            return false;
        }

        if (reader.Remaining != count * 6)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"{count} block(s) need {count * 6} bytes (number, lock status, 4 data bytes each), but {reader.Remaining} follow; only the old-style reply (no response options) is decoded");
            return false;
        }

        var blocks = new ThreeMBlock[count];
        for (var index = 0; index < count; index++)
        {
            reader.TryReadByte(out var number);
            reader.TryReadByte(out var lockStatus);
            reader.TryRead(4, out var data);
            blocks[index] = new ThreeMBlock(number, lockStatus, data.ToArray());
        }

        response = new ThreeMReadBlocksResponse { Uid = uid, Blocks = blocks };
        problem = null;
        return true;
    }

    private static bool Finish<T>(T parsed, ref FrameReader reader, out T? message, out string? problem)
        where T : class
    {
        if (reader.Remaining != 0)
        {
            message = null;
            problem = string.Create(CultureInfo.InvariantCulture, $"{reader.Remaining} unexpected byte(s) after the fields");
            return false;
        }

        message = parsed;
        problem = null;
        return true;
    }
}
