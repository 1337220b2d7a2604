using System.Buffers.Binary;
using System.Globalization;
using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Readers.Feig;
using Kiosk.Protocols.Readers.Feig.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Simulators.Rfid;

/// <summary>
/// A FEIG ID CPR reader speaking the ISO host protocol (ID CPR manual H20800-16e-ID-B): inventory with the 0x94 "more
/// data" continuation, Read and Write Multiple Blocks, Write and Lock AFI, Get System Information, the NXP EAS
/// commands through [0xB1], CPU Reset, Get Software Version, Get Reader Info, RF Reset, RF Output, and Read/Write
/// Configuration of CFG4 (the inventory's AFI filter and time slots). Requests are read from a stream; replies are
/// encoded with <see cref="FeigEncoder"/>.
/// </summary>
public sealed class FeigReaderResponder : ReaderResponder
{
    /// <summary>Firmware version reported by [0x65] (SW-REV), an ID CPR.02 release of the manual's era.</summary>
    public const ushort SoftwareRevision = 0x0302;

    /// <summary>RX-BUF and TX-BUF reported by [0x66] mode 0 (§6.5, p.68): what the simulator accepts and sends at most.</summary>
    public const ushort BufferSize = FeigFrameDecoder.DefaultMaxFrameLength;

    // TR-TYPE of [0x65]: bit 3 is ISO 15693 (§6.4, p.67).
    private const ushort Iso15693Supported = 0x0008;

    // An EAS Alarm answer carries the tag's 256-bit EAS sequence (NXP SL2S2002 data sheet). Its content is NXP's and
    // not reproduced; drivers should act on the status alone.
    private static readonly byte[] EasSequence = Enumerable.Repeat((byte)0xA5, 32).ToArray();

    private readonly FeigFrameDecoder _decoder = new(FrameDirection.HostToReader);
    private readonly FeigReaderSimulatorOptions _options;
    private readonly Lock _gate = new();
    private readonly Queue<FeigInventoryEntry> _heldBack = new();
    private int _antenna = 1;

    /// <summary>A FEIG reader in front of <paramref name="field"/>.</summary>
    /// <exception cref="ArgumentException">The options are out of range, or the field has fewer antennas than the reader drives.</exception>
    public FeigReaderResponder(RfidField field, FeigReaderSimulatorOptions? options = null, TimeProvider? timeProvider = null, ILogger? logger = null)
        : base(field, Validate(options).BaudRate, Validate(options).BitsPerCharacter, timeProvider, logger)
    {
        _options = Validate(options);
        if (field.AntennaCount < _options.AntennaCount)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The reader drives {_options.AntennaCount} antenna(s) but the field has {field.AntennaCount}; build the RfidField with at least as many."),
                nameof(field));
        }
    }

    /// <inheritdoc/>
    public override string ReaderName => "FEIG";

    /// <summary>The reader's CFG4: the inventory's AFI filter and time slots.</summary>
    public FeigReaderConfiguration Configuration { get; } = new();

    /// <summary>The antenna whose RF is on (1 or 2), or 0 when [0x6A] switched RF off.</summary>
    public int ActiveAntenna
    {
        get { lock (_gate) { return _antenna; } }
    }

    private protected override void Feed(ReadOnlySpan<byte> bytes) => _decoder.Feed(bytes);

    private protected override void ResetDecoder() => _decoder.Reset();

    private protected override bool TryAnswerNext(out ReaderReply reply)
    {
        if (!_decoder.TryRead(out var result))
        {
            reply = null!;
            return false;
        }

        reply = Answer(result);
        return true;
    }

    private static FeigReaderSimulatorOptions Validate(FeigReaderSimulatorOptions? options)
    {
        options ??= new FeigReaderSimulatorOptions();
        var validation = new FeigReaderSimulatorOptionsValidator().Validate(Options.DefaultName, options);
        return validation.Failed
            ? throw new ArgumentException("FEIG reader simulator options are invalid: " + validation.FailureMessage, nameof(options))
            : options;
    }

    private ReaderReply Answer(FeigDecodeResult result)
    {
        if (result.Frame is not { } frame)
        {
            // Bytes that never formed a frame with a good CRC: the reader cannot know they were meant for it and stays
            // silent; the host's receive timeout (TR-RESPONSE-TIME, CFG1) tells it.
            return new ReaderReply(null, 0, TimeSpan.Zero, result.Error?.Reason ?? "no frame");
        }

        var length = frame.Bytes.Length;
        if (frame.Address != FeigRequest.AnyReaderAddress && frame.Address != _options.BusAddress)
        {
            return new ReaderReply(null, length, TimeSpan.Zero, string.Create(CultureInfo.InvariantCulture, $"frame for bus address {frame.Address}, not {_options.BusAddress}"));
        }

        if (result.Error is { } error)
        {
            // A good CRC but content the manual does not allow: 0x81, "the received protocol contains not the expected content" (Annex C, p.157).
            return Reply(Status(frame.Command, FeigStatus.LengthError), length, TimeSpan.Zero, error.Reason);
        }

        var (response, radio) = Handle(result.Request!);
        return Reply(response, length, radio, result.Request!.GetType().Name);
    }

    private static ReaderReply Reply(FeigResponse response, int requestLength, TimeSpan radio, string request) =>
        new(FeigEncoder.Encode(response), requestLength, radio, request + " → " + response.Meaning);

    private FeigStatusResponse Status(byte command, FeigStatus status, ReadOnlyMemory<byte> data = default, byte? isoError = null) =>
        new() { Address = (byte)_options.BusAddress, CommandByte = command, Status = status, Data = data, IsoError = isoError };

    private (FeigResponse Response, TimeSpan Radio) Handle(FeigRequest request) => request switch
    {
        FeigInventoryRequest inventory => Inventory(inventory),
        FeigReadMultipleBlocksRequest read => WithTag(read, tag => Read(read, tag)),
        FeigWriteMultipleBlocksRequest write => WithTag(write, tag => Write(write, tag)),
        FeigWriteAfiRequest writeAfi => WithTag(writeAfi, tag => WriteAfi(writeAfi, tag)),
        FeigLockAfiRequest lockAfi => WithTag(lockAfi, tag => LockAfi(lockAfi, tag)),
        FeigGetSystemInformationRequest information => WithTag(information, tag => SystemInformation(tag)),
        FeigNxpCustomRequest custom => Eas(custom),
        FeigCpuResetRequest => CpuReset(),
        FeigGetSoftwareVersionRequest => (SoftwareVersion(), TimeSpan.Zero),
        FeigGetReaderInfoRequest info => (ReaderInfo(info), TimeSpan.Zero),
        FeigRfResetRequest => (Status(request.Command, FeigStatus.Ok), FeigTiming.RfResetOffTime),
        FeigRfOutputRequest output => (RfOutput(output), TimeSpan.Zero),
        FeigUnknownRequest unknown => (Unknown(unknown), TimeSpan.Zero),
        _ => (Status(request.Command, FeigStatus.UnknownCommand), TimeSpan.Zero),
    };

    private (FeigResponse, TimeSpan) Inventory(FeigInventoryRequest request)
    {
        var command = request.Command;
        if (request.Options.HasFlag(FeigInventoryOptions.MoreData))
        {
            // MORE: the data sets held back by the last 0x94, no new radio round (§7.1.1, p.82).
            lock (_gate)
            {
                return _heldBack.Count == 0 ? (Status(command, FeigStatus.NoTransponder), TimeSpan.Zero) : (NextInventoryReply(), TimeSpan.Zero);
            }
        }

        lock (_gate)
        {
            _heldBack.Clear();
        }

        var antenna = ActiveAntenna;
        var filter = Configuration.InventoryAfi;
        var answering = antenna == 0
            ? []
            : Field.TagsOn(antenna).Where(tag => filter is not { } afi || Iso15693Afi.Matches(afi, tag.Afi)).ToArray();
        var radio = Iso15693RadioTime.Inventory(answering.Select(tag => tag.Uid).ToArray(), !Configuration.SingleTimeslot, out var collided);
        if (Faults.TryTake(ReaderFault.RfCommunicationError))
        {
            NoteFault(ReaderFault.RfCommunicationError);
            return (Status(command, FeigStatus.RfCommunicationError), radio);
        }

        if (collided)
        {
            return (Status(command, FeigStatus.RfCommunicationError), radio);
        }

        if (answering.Length == 0)
        {
            // Notification mode polls until a tag comes or NTFC_TIME runs out (§7.1.1, p.82–83).
            var waited = request.Options.HasFlag(FeigInventoryOptions.Notification) ? FeigTiming.ResponseTimeUnit * request.NotificationTime : TimeSpan.Zero;
            return (Status(command, FeigStatus.NoTransponder), radio + waited);
        }

        lock (_gate)
        {
            foreach (var tag in answering)
            {
                _heldBack.Enqueue(new FeigInventoryEntry(tag.Uid, tag.Dsfid));
            }

            return (NextInventoryReply(), radio);
        }
    }

    private FeigInventoryResponse NextInventoryReply()
    {
        var count = Math.Min(_heldBack.Count, _options.MaximumDataSetsPerReply);
        var sets = new FeigInventoryEntry[count];
        for (var index = 0; index < count; index++)
        {
            sets[index] = _heldBack.Dequeue();
        }

        return new FeigInventoryResponse
        {
            Address = (byte)_options.BusAddress,
            Status = _heldBack.Count > 0 ? FeigStatus.MoreData : FeigStatus.Ok,
            Transponders = sets,
        };
    }

    private (FeigResponse, TimeSpan) WithTag(FeigTransponderRequest request, Func<SimulatedTag, (FeigResponse, TimeSpan)> act)
    {
        var antenna = ActiveAntenna;
        SimulatedTag? tag = null;
        var collision = false;
        if (antenna != 0)
        {
            switch (request.Mode)
            {
                case FeigAddressingMode.Addressed when request.Uid is { } uid:
                    tag = Field.FindOn(antenna, uid);
                    break;
                case FeigAddressingMode.NonAddressed:
                    // "Only one Transponder can be read in the non-addressed mode" (§7.1.3, p.94): more answer at once and collide.
                    var tags = Field.TagsOn(antenna);
                    tag = tags.Count == 1 ? tags[0] : null;
                    collision = tags.Count > 1;
                    break;
            }
        }

        if (collision)
        {
            return (Status(request.Command, FeigStatus.RfCommunicationError), Iso15693RadioTime.ReadOverhead);
        }

        if (tag is null)
        {
            // No answer: not in the field, RF off, or selected mode without a [0x25] Select, which is not simulated.
            return (Status(request.Command, FeigStatus.NoTransponder), Iso15693RadioTime.ReadOverhead);
        }

        if (Faults.TryTake(ReaderFault.RfCommunicationError))
        {
            NoteFault(ReaderFault.RfCommunicationError);
            return (Status(request.Command, FeigStatus.RfCommunicationError), Iso15693RadioTime.ReadOverhead);
        }

        return act(tag);
    }

    private (FeigResponse, TimeSpan) Read(FeigReadMultipleBlocksRequest request, SimulatedTag tag)
    {
        // At most 128 bytes in one request (§7.1.3, p.93).
        if (request.BlockCount == 0 || request.BlockCount * tag.BlockSize > 128)
        {
            return (Status(request.Command, FeigStatus.ParameterRangeError), TimeSpan.Zero);
        }

        if (Faults.TryTake(ReaderFault.ReadError))
        {
            NoteFault(ReaderFault.ReadError);
            return (Status(request.Command, FeigStatus.NoTransponder), Iso15693RadioTime.ReadOverhead);
        }

        if (!tag.TryReadBlocks(request.FirstBlock, request.BlockCount, out var data, out var locked))
        {
            return (Status(request.Command, FeigStatus.Iso15693Error, isoError: (byte)Iso15693ErrorCode.BlockNotAvailable), Iso15693RadioTime.ReadOverhead);
        }

        var blocks = new FeigBlock[request.BlockCount];
        for (var index = 0; index < blocks.Length; index++)
        {
            var security = request.RequestSecurityStatus && locked[index] ? (byte)0x01 : (byte)0x00;
            blocks[index] = new FeigBlock(security, data.AsMemory(index * tag.BlockSize, tag.BlockSize));
        }

        var response = new FeigReadMultipleBlocksResponse { Address = (byte)_options.BusAddress, Status = FeigStatus.Ok, BlockSize = (byte)tag.BlockSize, Blocks = blocks };
        return (response, Iso15693RadioTime.ReadBlocks(blocks.Length, tag.BlockSize, request.RequestSecurityStatus));
    }

    private (FeigResponse, TimeSpan) Write(FeigWriteMultipleBlocksRequest request, SimulatedTag tag)
    {
        var count = request.BlockCount;
        if (count == 0 || request.Data.Length > 128)
        {
            return (Status(request.Command, FeigStatus.ParameterRangeError), TimeSpan.Zero);
        }

        if (request.BlockSize != tag.BlockSize)
        {
            // The tag gets blocks of the wrong length and rejects the format (Annex C1, 0x02).
            return (WriteFailed(FeigStatus.Iso15693Error, request.FirstBlock, Iso15693ErrorCode.CommandNotRecognised), Iso15693RadioTime.WriteBlocks(1));
        }

        if (Faults.TryTake(ReaderFault.WriteError))
        {
            NoteFault(ReaderFault.WriteError);
            return (WriteFailed(FeigStatus.WriteError, request.FirstBlock), Iso15693RadioTime.WriteBlocks(1));
        }

        // The reader writes one block after the other (§7.1.4 notes, p.96), so blocks before a failure stay written.
        var existing = Math.Max(0, Math.Min(count, tag.BlockCount - request.FirstBlock));
        var limit = existing;
        var leaving = Faults.TryTakeTagLeaving(out var beforeLeaving);
        if (leaving)
        {
            NoteFault(ReaderFault.TagLeavesMidWrite);
            limit = Math.Min(limit, Math.Min(beforeLeaving, count - 1));
        }

        var written = tag.WriteBlocks(request.FirstBlock, request.Data.Span[..(existing * tag.BlockSize)], limit, out var stoppedAtLock);
        var radio = Iso15693RadioTime.WriteBlocks(Math.Min(written + 1, count));
        var failedBlock = (byte)(request.FirstBlock + written);
        if (stoppedAtLock)
        {
            return (WriteFailed(FeigStatus.Iso15693Error, failedBlock, Iso15693ErrorCode.BlockLocked), radio);
        }

        if (leaving)
        {
            // "Too much distance between Transponder and Reader antenna" is a write error (Annex C, 0x03, p.156).
            Field.Remove(tag.Uid);
            return (WriteFailed(FeigStatus.WriteError, failedBlock), radio);
        }

        if (written < count)
        {
            return (WriteFailed(FeigStatus.Iso15693Error, failedBlock, Iso15693ErrorCode.BlockNotAvailable), radio);
        }

        return (new FeigWriteMultipleBlocksResponse { Address = (byte)_options.BusAddress, Status = FeigStatus.Ok }, radio);
    }

    private FeigWriteMultipleBlocksResponse WriteFailed(FeigStatus status, int block, Iso15693ErrorCode? isoError = null) =>
        new() { Address = (byte)_options.BusAddress, Status = status, IsoError = (byte?)isoError, ErrorBlockAddress = (byte)block };

    private (FeigResponse, TimeSpan) WriteAfi(FeigWriteAfiRequest request, SimulatedTag tag)
    {
        var radio = Iso15693RadioTime.RegisterWrite();
        if (RegisterWriteFault(request.Command, tag) is { } failed)
        {
            return (failed, radio);
        }

        return tag.TryWriteAfi(request.Afi)
            ? (Status(request.Command, FeigStatus.Ok), radio)
            : (Status(request.Command, FeigStatus.Iso15693Error, isoError: (byte)Iso15693ErrorCode.BlockLocked), radio);
    }

    private (FeigResponse, TimeSpan) LockAfi(FeigLockAfiRequest request, SimulatedTag tag)
    {
        var radio = Iso15693RadioTime.RegisterWrite();
        if (RegisterWriteFault(request.Command, tag) is { } failed)
        {
            return (failed, radio);
        }

        return tag.TryLockAfi()
            ? (Status(request.Command, FeigStatus.Ok), radio)
            : (Status(request.Command, FeigStatus.Iso15693Error, isoError: (byte)Iso15693ErrorCode.BlockAlreadyLocked), radio);
    }

    /// <summary>A write fault on a register write (AFI, EAS): it fails verification, and a leaving tag is gone afterwards.</summary>
    private FeigStatusResponse? RegisterWriteFault(byte command, SimulatedTag tag)
    {
        if (Faults.TryTake(ReaderFault.WriteError))
        {
            NoteFault(ReaderFault.WriteError);
            return Status(command, FeigStatus.WriteError);
        }

        if (Faults.TryTakeTagLeaving(out _))
        {
            NoteFault(ReaderFault.TagLeavesMidWrite);
            Field.Remove(tag.Uid);
            return Status(command, FeigStatus.WriteError);
        }

        return null;
    }

    private (FeigResponse, TimeSpan) SystemInformation(SimulatedTag tag)
    {
        // MEM-SIZE as ISO/IEC 15693-3 codes it: block size − 1 in the low 5 bits, block count − 1 (the FEIG manual,
        // p.105, calls them size and count; tags send the ISO coding and the reader passes it on).
        var response = new FeigSystemInformationResponse
        {
            Address = (byte)_options.BusAddress,
            Status = FeigStatus.Ok,
            Dsfid = tag.Dsfid,
            Uid = tag.Uid,
            Afi = tag.Afi,
            BlockSizeField = (byte)((tag.BlockSize - 1) & 0x1F),
            BlockCountField = (byte)(tag.BlockCount - 1),
            IcReference = tag.IcReference,
        };
        return (response, Iso15693RadioTime.SystemInformation());
    }

    private (FeigResponse, TimeSpan) Eas(FeigNxpCustomRequest request)
    {
        var command = request.Command;
        var antenna = ActiveAntenna;
        var inField = antenna == 0 ? [] : Field.TagsOn(antenna).Where(tag => tag.SupportsEas).ToArray();
        if (request.Mode == FeigAddressingMode.Addressed)
        {
            inField = inField.Where(tag => tag.Uid == request.Uid).ToArray();
        }
        else if (request.Mode != FeigAddressingMode.NonAddressed)
        {
            inField = [];
        }

        if (request.CustomCommand == FeigNxpCustomCommand.EasAlarm)
        {
            // Only tags with EAS set answer; at a gate any answer is an alarm, so several at once still count.
            var alarming = inField.Any(tag => tag.IsEasSet);
            return alarming
                ? (Status(command, FeigStatus.Ok, EasSequence), Iso15693RadioTime.EasAlarm())
                : (Status(command, FeigStatus.NoTransponder), Iso15693RadioTime.EasAlarm());
        }

        // A custom command for another manufacturer's chip goes unanswered (ISO/IEC 15693-3 §10.5).
        if (inField.Length == 0)
        {
            return (Status(command, FeigStatus.NoTransponder), Iso15693RadioTime.ReadOverhead);
        }

        if (inField.Length > 1)
        {
            return (Status(command, FeigStatus.RfCommunicationError), Iso15693RadioTime.ReadOverhead);
        }

        var target = inField[0];
        if (Faults.TryTake(ReaderFault.RfCommunicationError))
        {
            NoteFault(ReaderFault.RfCommunicationError);
            return (Status(command, FeigStatus.RfCommunicationError), Iso15693RadioTime.ReadOverhead);
        }

        if (RegisterWriteFault(command, target) is { } failed)
        {
            return (failed, Iso15693RadioTime.RegisterWrite());
        }

        target.IsEasSet = request.CustomCommand == FeigNxpCustomCommand.SetEas;
        return (Status(command, FeigStatus.Ok), Iso15693RadioTime.RegisterWrite());
    }

    private (FeigResponse, TimeSpan) CpuReset()
    {
        // The RF field goes off during the reset (§6.3, p.65) and comes back on antenna 1; held inventory sets are lost.
        lock (_gate)
        {
            _antenna = 1;
            _heldBack.Clear();
        }

        return (Status((byte)FeigCommand.CpuReset, FeigStatus.Ok), FeigTiming.RfResetOffTime);
    }

    private FeigSoftwareVersionResponse SoftwareVersion() => new()
    {
        Address = (byte)_options.BusAddress,
        Status = FeigStatus.Ok,
        SoftwareRevision = SoftwareRevision,
        DevelopmentRevision = 0x00,
        HardwareType = 0x00,
        ReaderType = (byte)_options.ReaderType,
        TransponderTypes = Iso15693Supported,
    };

    private FeigStatusResponse ReaderInfo(FeigGetReaderInfoRequest request)
    {
        var data = new byte[request.Mode == 0x80 ? 16 : 11];
        switch (request.Mode)
        {
            case 0x00:
                // SW-REV D-REV HW-TYPE SW-TYPE TR-TYPE RX-BUF TX-BUF (§6.5, p.68).
                BinaryPrimitives.WriteUInt16BigEndian(data, SoftwareRevision);
                data[3] = 0x00;
                data[4] = (byte)_options.ReaderType;
                BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(5), Iso15693Supported);
                BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(7), BufferSize);
                BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(9), BufferSize);
                break;
            case 0x03:
                // DEC_TYPE, for factory diagnostics only (p.69): left zero.
                break;
            case 0x04:
                // TEMPLATE 0x01 (ID CPR family), FNC_LST0 0: no T=CL, no MAD (p.70).
                data[0] = 0x01;
                break;
            case 0x80:
                // DEV_ID: a device number for this simulator; no licences (p.71).
                BinaryPrimitives.WriteUInt32BigEndian(data, 0x00510001);
                break;
            default:
                // Mode 0x01 is "not supported", 0x02 exists on the USB model only (p.68–69).
                return Status(request.Command, FeigStatus.ParameterRangeError);
        }

        return Status(request.Command, FeigStatus.Ok, data);
    }

    private FeigStatusResponse RfOutput(FeigRfOutputRequest request)
    {
        // ANT_OUT: 0 off, 1 antenna 1, 2 antenna 2 on readers with two (§6.7, p.73).
        if (request.AntennaOutput > _options.AntennaCount)
        {
            return Status(request.Command, FeigStatus.ParameterRangeError);
        }

        lock (_gate)
        {
            _antenna = request.AntennaOutput;
        }

        return Status(request.Command, FeigStatus.Ok);
    }

    private FeigStatusResponse Unknown(FeigUnknownRequest request)
    {
        var data = request.Data.Span;
        switch (request.CommandByte)
        {
            case (byte)FeigCommand.BaudRateDetection:
                // [0x52] Baud Rate Detection: data 0x00, answered with status 0x00 (§6.1, p.64). A simulator on a pty
                // has no baud rate to get wrong, so it always answers.
                return data.SequenceEqual((ReadOnlySpan<byte>)[0x00])
                    ? Status(request.CommandByte, FeigStatus.Ok)
                    : Status(request.CommandByte, FeigStatus.LengthError);
            case 0x80:
                // [0x80] Read Configuration: CFG-ADR → CFG-REC (§5.1, p.59).
                if (data.Length != 1)
                {
                    return Status(request.CommandByte, FeigStatus.LengthError);
                }

                return FeigReaderConfiguration.IsModelled(data[0] & 0x3F)
                    ? Status(request.CommandByte, FeigStatus.Ok, Configuration.ReadBlock())
                    : Status(request.CommandByte, FeigStatus.ParameterRangeError);
            case 0x81:
                // [0x81] Write Configuration: CFG-ADR CFG-REC (§5.2, p.60).
                if (data.Length != 1 + FeigReaderConfiguration.BlockLength)
                {
                    return Status(request.CommandByte, FeigStatus.LengthError);
                }

                if (!FeigReaderConfiguration.IsModelled(data[0] & 0x3F))
                {
                    return Status(request.CommandByte, FeigStatus.ParameterRangeError);
                }

                Configuration.WriteBlock(data[1..]);
                return Status(request.CommandByte, FeigStatus.Ok);
            case 0x82:
                // [0x82] Save Configuration (§5.3, p.61): RAM and EEPROM are one copy here.
                return data.Length == 1 ? Status(request.CommandByte, FeigStatus.Ok) : Status(request.CommandByte, FeigStatus.LengthError);
            case 0x83:
                // [0x83] Set Default Configuration (§5.4, p.62): MODE (bit 6) all blocks, or CFGn.
                if (data.Length != 1)
                {
                    return Status(request.CommandByte, FeigStatus.LengthError);
                }

                if ((data[0] & 0x40) != 0 || FeigReaderConfiguration.IsModelled(data[0] & 0x3F))
                {
                    Configuration.RestoreDefaults();
                }

                return Status(request.CommandByte, FeigStatus.Ok);
            default:
                // Anything else, [0xB0] sub-commands the simulator does not know included (Annex C, 0x80, p.157).
                return Status(request.CommandByte, FeigStatus.UnknownCommand);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"FEIG reader, bus address {_options.BusAddress}, RF on antenna {ActiveAntenna}");
}
