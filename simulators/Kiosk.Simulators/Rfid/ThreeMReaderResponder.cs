using System.Globalization;
using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Readers.ThreeM;
using Kiosk.Protocols.Readers.ThreeM.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Simulators.Rfid;

/// <summary>
/// A 3M 810 reader ("3M RFID Reader Model 210 Protocol Specification" 1.0.0, which the 810 speaks): inventory (Read
/// Block UID) with its AFI selection, Read and Write Multiblock, Write AFI, Get AFI and Reader Version, and the two
/// undocumented exchanges a host driver makes at start on a real 810: the D5 hardware-version probe and command 0x13
/// (as Biblio-RFID's <c>lib/Biblio/RFID/Reader/3M810.pm</c> records them). Other commands get error 0x02, "command not
/// implemented", as firmware without them answers (§5). One antenna. Requests are read from a stream; replies are
/// encoded with <see cref="ThreeMEncoder"/>.
/// </summary>
public sealed class ThreeMReaderResponder : ReaderResponder
{
    // Read Multiblock response option bit 2 asks for the "new style" reply (§7.5), which the codec does not write.
    private const byte NewStyleReply = 0x04;

    private const int Antenna = 1;

    // The documented start byte (§3), and the one of the D5 hardware-version probe.
    private const byte StartByte = 0xD6;
    private const byte AlternateStartByte = 0xD5;

    /// <summary>
    /// The version a real 810 reports in its D5 hardware-version reply, <c>D5 00 09 04 00 11 0A 05 00 02 72 50</c>
    /// (Biblio-RFID, <c>lib/Biblio/RFID/Reader/3M810.pm</c>, <c>init</c>): 0x0A for a 3M reader, then 5.0.2 in the
    /// Reader Version layout (§7.2). Reader Version (0x11) answers the same four bytes.
    /// </summary>
    public static readonly IReadOnlyList<byte> Version = [0x0A, 0x05, 0x00, 0x02];

    // The D5 probe's body after its first byte (0x04): 00, then the Reader Version command code.
    private static readonly byte[] HardwareVersionProbeBody = [0x00, (byte)ThreeMCommand.ReaderVersion];

    // Command 0x13 as Biblio-RFID sends it at start, and the reply it asserts (3M810.pm, init).
    private static readonly byte[] StartupRequestBody = [0x04, 0x01, 0x00, 0x02, 0x00, 0x03, 0x00, 0x04, 0x00];
    private static readonly byte[] StartupReplyBody = [0x02, 0x01, 0x01, 0x03, 0x02, 0x02, 0x03, 0x00];

    private readonly ThreeMFrameDecoder _decoder = new(FrameDirection.HostToReader);

    /// <summary>A 3M reader in front of antenna 1 of <paramref name="field"/>.</summary>
    /// <exception cref="ArgumentException">The options are out of range.</exception>
    public ThreeMReaderResponder(RfidField field, ThreeMReaderSimulatorOptions? options = null, TimeProvider? timeProvider = null, ILogger? logger = null)
        : base(field, Validate(options).BaudRate, Validate(options).BitsPerCharacter, timeProvider, logger)
    {
    }

    /// <inheritdoc/>
    public override string ReaderName => "3M";

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

    private static ThreeMReaderSimulatorOptions Validate(ThreeMReaderSimulatorOptions? options)
    {
        options ??= new ThreeMReaderSimulatorOptions();
        var validation = new ThreeMReaderSimulatorOptionsValidator().Validate(Options.DefaultName, options);
        return validation.Failed
            ? throw new ArgumentException("3M reader simulator options are invalid: " + validation.FailureMessage, nameof(options))
            : options;
    }

    private static ThreeMErrorResponse Error(byte command, ThreeMErrorCode error, TransponderUid? uid = null, params byte[] rest) =>
        new() { CommandByte = command, Error = error, Uid = uid, Rest = rest };

    private static ReaderReply Reply(ThreeMResponse response, int requestLength, TimeSpan radio, string request) =>
        new(ThreeMEncoder.Encode(response), requestLength, radio, request + " → " + response.Meaning);

    private ReaderReply Answer(ThreeMDecodeResult result)
    {
        if (result.Frame is not { } frame)
        {
            // No frame with a good CRC: the reader does not answer noise.
            return new ReaderReply(null, 0, TimeSpan.Zero, result.Error?.Reason ?? "no frame");
        }

        var length = frame.Bytes.Length;
        if (result.Error is { } error)
        {
            return Reply(Error(frame.Command, ThreeMErrorCode.ParameterError), length, TimeSpan.Zero, error.Reason);
        }

        var request = result.Request!;
        var (response, radio) = request switch
        {
            ThreeMInventoryRequest inventory => Inventory(inventory),
            ThreeMReadBlocksRequest read => Read(read),
            ThreeMWriteBlocksRequest write => Write(write),
            ThreeMWriteAfiRequest writeAfi => WriteAfi(writeAfi),
            ThreeMGetAfiRequest getAfi => GetAfi(getAfi),
            ThreeMUnknownRequest { StartByte: AlternateStartByte } probe
                when probe.Body.Span.SequenceEqual(HardwareVersionProbeBody) => (HardwareVersion(probe), TimeSpan.Zero),
            ThreeMUnknownRequest { StartByte: not StartByte } unknown =>
                ((ThreeMResponse)new ThreeMUnknownResponse { StartByte = unknown.StartByte, CommandByte = unknown.CommandByte, Error = ThreeMErrorCode.CommandNotImplemented }, TimeSpan.Zero),
            ThreeMUnknownRequest { CommandByte: (byte)ThreeMCommand.ReaderVersion } version when version.Body.IsEmpty =>
                (Answered(version, Version.ToArray()), TimeSpan.Zero),
            ThreeMUnknownRequest { CommandByte: (byte)ThreeMCommand.UndocumentedStartup } startup
                when startup.Body.Span.SequenceEqual(StartupRequestBody) => (Answered(startup, StartupReplyBody), TimeSpan.Zero),
            _ => (Error(request.Command, ThreeMErrorCode.CommandNotImplemented), TimeSpan.Zero),
        };
        return Reply(response, length, radio, request.GetType().Name);
    }

    private static ThreeMUnknownResponse Answered(ThreeMUnknownRequest request, byte[] body) =>
        new() { CommandByte = request.CommandByte, Error = ThreeMErrorCode.None, Body = body };

    /// <summary>The D5 reply repeats the probe's first two bytes and the command code, then the version.</summary>
    private static ThreeMUnknownResponse HardwareVersion(ThreeMUnknownRequest probe) => new()
    {
        StartByte = AlternateStartByte,
        CommandByte = probe.CommandByte,
        Error = ThreeMErrorCode.None,
        Body = (byte[])[(byte)ThreeMCommand.ReaderVersion, .. Version],
    };

    private (ThreeMResponse, TimeSpan) Inventory(ThreeMInventoryRequest request)
    {
        var answering = Field.TagsOn(Antenna).Where(tag => Iso15693Afi.Matches(request.Afi, tag.Afi)).ToArray();
        var radio = Iso15693RadioTime.Inventory(answering.Select(tag => tag.Uid).ToArray(), sixteenSlots: true, out _);
        if (Faults.TryTake(ReaderFault.RfCommunicationError))
        {
            // The tags' answers were lost in the noise: the reader reports what it heard, nothing.
            NoteFault(ReaderFault.RfCommunicationError);
            answering = [];
        }

        var tags = answering.Select(tag => new ThreeMInventoryTag(tag.Uid, tag.Dsfid)).ToArray();
        return (new ThreeMInventoryResponse { Error = ThreeMErrorCode.None, Afi = request.Afi, ResponseOptions = request.ResponseOptions, Tags = tags }, radio);
    }

    private (ThreeMResponse, TimeSpan) Read(ThreeMReadBlocksRequest request)
    {
        var command = request.Command;
        if (request.ResponseOptions is { } options && (options & NewStyleReply) != 0)
        {
            return (Error(command, ThreeMErrorCode.OptionNotSupported, request.Uid), TimeSpan.Zero);
        }

        if (Field.FindOn(Antenna, request.Uid) is not { } tag)
        {
            return (Error(command, ThreeMErrorCode.NoTransponder, request.Uid), Iso15693RadioTime.ReadOverhead);
        }

        if (Faults.TryTake(ReaderFault.RfCommunicationError))
        {
            NoteFault(ReaderFault.RfCommunicationError);
            return (Error(command, ThreeMErrorCode.MemoryNotRead, request.Uid), Iso15693RadioTime.ReadOverhead);
        }

        if (Faults.TryTake(ReaderFault.ReadError))
        {
            NoteFault(ReaderFault.ReadError);
            return (Error(command, ThreeMErrorCode.NoTransponder, request.Uid), Iso15693RadioTime.ReadOverhead);
        }

        if (tag.BlockSize != ThreeMWriteBlocksRequest.BlockSize || !tag.TryReadBlocks(request.FirstBlock, request.BlockCount, out var data, out var locked))
        {
            return (Error(command, ThreeMErrorCode.MemoryNotAvailable, request.Uid), Iso15693RadioTime.ReadOverhead);
        }

        var blocks = new ThreeMBlock[request.BlockCount];
        for (var index = 0; index < blocks.Length; index++)
        {
            // Lock status 1: locked by the user (§7.5).
            blocks[index] = new ThreeMBlock((byte)(request.FirstBlock + index), locked[index] ? (byte)1 : (byte)0, data.AsMemory(index * 4, 4));
        }

        return (new ThreeMReadBlocksResponse { Error = ThreeMErrorCode.None, Uid = request.Uid, Blocks = blocks }, Iso15693RadioTime.ReadBlocks(blocks.Length, 4, withSecurityStatus: true));
    }

    private (ThreeMResponse, TimeSpan) Write(ThreeMWriteBlocksRequest request)
    {
        var command = request.Command;
        var count = request.BlockCount;
        if (Field.FindOn(Antenna, request.Uid) is not { } tag)
        {
            return (Error(command, ThreeMErrorCode.NoTransponder, request.Uid), Iso15693RadioTime.ReadOverhead);
        }

        if (count == 0 || tag.BlockSize != ThreeMWriteBlocksRequest.BlockSize)
        {
            return (Error(command, ThreeMErrorCode.ParameterError, request.Uid), TimeSpan.Zero);
        }

        if (Faults.TryTake(ReaderFault.RfCommunicationError) || Faults.TryTake(ReaderFault.WriteError))
        {
            NoteFault(ReaderFault.WriteError);
            return (Error(command, ThreeMErrorCode.MemoryNotWritten, request.Uid, request.FirstBlock), Iso15693RadioTime.WriteBlocks(1));
        }

        var existing = Math.Max(0, Math.Min(count, tag.BlockCount - request.FirstBlock));
        var limit = existing;
        var leaving = Faults.TryTakeTagLeaving(out var beforeLeaving);
        if (leaving)
        {
            NoteFault(ReaderFault.TagLeavesMidWrite);
            limit = Math.Min(limit, Math.Min(beforeLeaving, count - 1));
        }

        var written = tag.WriteBlocks(request.FirstBlock, request.Data.Span[..(existing * 4)], limit, out var stoppedAtLock);
        var radio = Iso15693RadioTime.WriteBlocks(Math.Min(written + 1, count));
        var failedBlock = (byte)(request.FirstBlock + written);
        if (stoppedAtLock)
        {
            return (Error(command, ThreeMErrorCode.MemoryLocked, request.Uid, failedBlock), radio);
        }

        if (leaving)
        {
            Field.Remove(tag.Uid);
            return (Error(command, ThreeMErrorCode.NoTransponder, request.Uid, failedBlock), radio);
        }

        if (written < count)
        {
            return (Error(command, ThreeMErrorCode.MemoryNotAvailable, request.Uid, failedBlock), radio);
        }

        // The optional block field: the last written plus one (§7.6).
        return (new ThreeMWriteBlocksResponse { Error = ThreeMErrorCode.None, Uid = request.Uid, NextBlock = failedBlock }, radio);
    }

    private (ThreeMResponse, TimeSpan) WriteAfi(ThreeMWriteAfiRequest request)
    {
        var command = request.Command;
        if (Field.FindOn(Antenna, request.Uid) is not { } tag)
        {
            return (Error(command, ThreeMErrorCode.NoTransponder, request.Uid), Iso15693RadioTime.ReadOverhead);
        }

        var radio = Iso15693RadioTime.RegisterWrite();
        if (Faults.TryTake(ReaderFault.RfCommunicationError) || Faults.TryTake(ReaderFault.WriteError))
        {
            NoteFault(ReaderFault.WriteError);
            return (Error(command, ThreeMErrorCode.MemoryNotWritten, request.Uid), radio);
        }

        if (Faults.TryTakeTagLeaving(out _))
        {
            NoteFault(ReaderFault.TagLeavesMidWrite);
            Field.Remove(tag.Uid);
            return (Error(command, ThreeMErrorCode.NoTransponder, request.Uid), radio);
        }

        return tag.TryWriteAfi(request.Afi)
            ? (new ThreeMWriteAfiResponse { Error = ThreeMErrorCode.None, Uid = request.Uid }, radio)
            : (Error(command, ThreeMErrorCode.MemoryLocked, request.Uid), radio);
    }

    private (ThreeMResponse, TimeSpan) GetAfi(ThreeMGetAfiRequest request)
    {
        if (Field.FindOn(Antenna, request.Uid) is not { } tag)
        {
            return (Error(request.Command, ThreeMErrorCode.NoTransponder, request.Uid), Iso15693RadioTime.ReadOverhead);
        }

        if (Faults.TryTake(ReaderFault.RfCommunicationError))
        {
            NoteFault(ReaderFault.RfCommunicationError);
            return (Error(request.Command, ThreeMErrorCode.MemoryNotRead, request.Uid), Iso15693RadioTime.ReadOverhead);
        }

        // Get System Information carries the AFI; 3M reads it that way (ISO/IEC 15693-3).
        return (new ThreeMGetAfiResponse { Error = ThreeMErrorCode.None, Uid = request.Uid, Afi = tag.Afi }, Iso15693RadioTime.SystemInformation());
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"3M 810 reader at {BaudRate} baud");
}
