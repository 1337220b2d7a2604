using System.Globalization;
using Kiosk.Devices.Transports;
using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Readers.ThreeM;
using Kiosk.Protocols.Readers.ThreeM.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiosk.Devices.Rfid.ThreeM;

/// <summary>
/// Driver for a 3M 810 pad reader ("3M RFID Reader Model 210 Protocol Specification" 1.0.0, which the 810 speaks): the
/// <see cref="ThreeMEncoder"/> and <see cref="ThreeMFrameDecoder"/> codec over one open serial connection. One antenna;
/// security by AFI only (the protocol's EAS commands are NXP-specific and not used).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The inventory (0xFE Read Block UID, §7.1) carries the AFI itself; 0x00 selects every tag. The driver asks for
/// the UID and the DSFID of each tag, and drops a UID the reader lists twice (a tag that missed the quiet command).</item>
/// <item>The protocol as implemented here has no system information: the AFI comes from 0x0A Get AFI (§7.10), the DSFID
/// from the last inventory, and blocks are 4 bytes (§7.6). The memory size is found by reading: first the 28 blocks of
/// an NXP ICODE SLIX, the common library tag, then one block past them; a read past the end is answered with 0x11
/// "memory not available" (Appendix A), and the driver then halves its request down to single blocks.</item>
/// <item>The specification gives no reply time; it says only that the host must not send the next command before the
/// whole reply has arrived (§1.1). The driver waits <see cref="ThreeMTiming.PracticalReplyTimeout"/> (what Biblio-RFID's
/// 3M 810 driver uses) plus the wire time of the request and a 32-block reply. The frame ends where its length field
/// says (§3), so nothing waits for a quiet line.</item>
/// </list>
/// </remarks>
public sealed class ThreeMRfidReader : IRfidReader
{
    // 3M blocks are 4 bytes (§7.6).
    private const int BlockSize = ThreeMWriteBlocksRequest.BlockSize;

    // The first read asks for an NXP ICODE SLIX's whole user memory: 28 blocks (NXP SL2S2002 data sheet).
    private const int FirstReadBlocks = 28;

    // Largest read or write in one request: 32 blocks (128 bytes), the same bound the FEIG manual sets (§7.1.3, p.93);
    // the 3M specification gives none, and a 32-block reply (6 bytes per block) stays under 210 bytes.
    private const int MaximumBlocksPerRequest = 32;



    // Inventory options: return each tag's UID (bit 0) and DSFID (bit 1) (§7.1).
    private const byte InventoryOptions = ThreeMInventoryRequest.ReturnAddress | ThreeMInventoryRequest.ReturnDsfid;

    private readonly RfidReaderIdentity _identity;
    private readonly RfidReaderProfile _profile;
    private readonly ILogger _logger;
    private readonly RfidReaderLine _line;
    private readonly ThreeMFrameDecoder _decoder = new(FrameDirection.ReaderToHost);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<TransponderUid, byte> _dsfidOf = [];
    private byte _pendingCommand;
    private ThreeMResponse? _reply;
    private string? _replyProblem;
    private bool _disposed;

    /// <summary>Creates the driver on an open connection; nothing is sent until the first call.</summary>
    /// <param name="connection">The reader's open serial connection.</param>
    /// <param name="profile">The reader's profile: name, line settings, security values.</param>
    /// <param name="timeProvider">Times the reply timeouts.</param>
    /// <param name="logger">Where retries, timeouts and security switches are logged.</param>
    /// <exception cref="ArgumentException">The profile asks for EAS, which this driver does not offer.</exception>
    public ThreeMRfidReader(ISerialConnection connection, RfidReaderProfile profile, TimeProvider timeProvider, ILogger<ThreeMRfidReader>? logger = null)
        : this(Check(connection).Stream, connection.PortName, profile, timeProvider, logger)
    {
    }

    /// <summary>Creates the driver on any stream that reaches a 3M reader (a pipe, a simulator).</summary>
    /// <param name="stream">Bytes to and from the reader.</param>
    /// <param name="portName">The port or stream's name, for messages.</param>
    /// <param name="profile">The reader's profile.</param>
    /// <param name="timeProvider">Times the reply timeouts.</param>
    /// <param name="logger">Where retries, timeouts and security switches are logged.</param>
    /// <exception cref="ArgumentException">The profile asks for EAS, which this driver does not offer.</exception>
    public ThreeMRfidReader(Stream stream, string portName, RfidReaderProfile profile, TimeProvider timeProvider, ILogger<ThreeMRfidReader>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(portName);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (profile.SecurityMode != RfidSecurityMode.Afi)
        {
            throw new ArgumentException($"Reader '{profile.Name}' is a 3M 810, which this driver switches by AFI only; set securityMode to Afi.", nameof(profile));
        }

        _identity = new RfidReaderIdentity(profile.Name, portName, profile);
        _profile = profile;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _line = new RfidReaderLine(stream, timeProvider, profile.BaudRate, RfidReaderLine.BitsPerCharacter(profile.DataBits, profile.Parity, profile.StopBits));
    }

    /// <inheritdoc/>
    public string Name => _profile.Name;

    /// <inheritdoc/>
    /// <remarks>The 3M 810 pad has one antenna, 1.</remarks>
    public IReadOnlyList<int> Antennas { get; } = [1];

    /// <inheritdoc/>
    public async Task<IReadOnlyList<RfidInventoryEntry>> InventoryAsync(int antenna, byte? afi = null, CancellationToken cancellationToken = default)
    {
        if (antenna != 1)
        {
            throw new ArgumentOutOfRangeException(nameof(antenna), string.Create(CultureInfo.InvariantCulture, $"Reader '{Name}' is a 3M 810 pad with one antenna, 1; antenna {antenna} does not exist."));
        }

        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            const string operation = "3M inventory";
            var response = await ExchangeAsync(new ThreeMInventoryRequest { Afi = afi ?? 0, ResponseOptions = InventoryOptions }, operation, writes: false, cancellationToken).ConfigureAwait(false);
            if (response is not ThreeMInventoryResponse { Error: ThreeMErrorCode.None } inventory)
            {
                throw ErrorFailure(response, operation, uid: null);
            }

            var entries = new List<RfidInventoryEntry>(inventory.Tags.Count);
            foreach (var tag in inventory.Tags)
            {
                _dsfidOf[tag.Uid] = tag.Dsfid ?? 0;
                if (!entries.Exists(entry => entry.Uid == tag.Uid))
                {
                    entries.Add(new RfidInventoryEntry(tag.Uid, tag.Dsfid ?? 0, antenna));
                }
            }

            return entries;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<RfidTagMemory> ReadTagAsync(TransponderUid uid, CancellationToken cancellationToken = default)
    {
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var afi = await ReadAfiAsync(uid, cancellationToken).ConfigureAwait(false);
            var memory = new List<byte>(FirstReadBlocks * BlockSize);
            var request = FirstReadBlocks;
            var block = 0;
            var foundEnd = false;
            while (request >= 1 && block <= byte.MaxValue)
            {
                var count = Math.Min(request, byte.MaxValue + 1 - block);
                var data = await TryReadBlocksAsync(uid, block, count, cancellationToken).ConfigureAwait(false);
                if (data is null)
                {
                    // Past the end of the tag's memory: ask for fewer blocks, down to one.
                    foundEnd = true;
                    request /= 2;
                    continue;
                }

                memory.AddRange(data);
                block += count;
                if (!foundEnd)
                {
                    // After a full first read, probe one block past it; only a larger tag is read on in large requests.
                    request = block == FirstReadBlocks ? 1 : MaximumBlocksPerRequest;
                }
            }

            if (memory.Count == 0)
            {
                throw new RfidReaderException(
                    RfidReaderFailureKind.Protocol,
                    $"{_identity.Subject}: tag {uid} has no readable block 0 (3M error 0x11, memory not available); the tag may not be ISO 15693 with 4-byte blocks.");
            }

            return new RfidTagMemory(uid, _dsfidOf.GetValueOrDefault(uid), afi, BlockSize, memory.ToArray());
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// 0x02 Read Blocks (§7.6) in requests of at most 32 blocks, with no Get AFI first. A block past the end of the
    /// tag's memory is answered with 0x11 "memory not available" (Appendix A).
    /// </remarks>
    public async Task<RfidTagBlocks> ReadBlocksAsync(TransponderUid uid, int firstBlock, int blockCount, CancellationToken cancellationToken = default)
    {
        RfidTagBlocks.CheckRange(firstBlock, blockCount);
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var data = new byte[blockCount * BlockSize];
            var end = firstBlock + blockCount;
            for (var block = firstBlock; block < end; block += MaximumBlocksPerRequest)
            {
                var count = Math.Min(MaximumBlocksPerRequest, end - block);
                var read = await TryReadBlocksAsync(uid, block, count, cancellationToken).ConfigureAwait(false)
                    ?? throw new RfidReaderException(
                        RfidReaderFailureKind.BlockNotAvailable,
                        string.Create(CultureInfo.InvariantCulture, $"{_identity.Subject}: tag {uid} does not have every block of {block}–{block + count - 1} (3M error 0x11, memory not available); its memory ends before block {end - 1}. Ask for fewer blocks, or read the whole tag, which finds its size first."));
                read.CopyTo(data, (block - firstBlock) * BlockSize);
            }

            return new RfidTagBlocks(uid, firstBlock, BlockSize, data);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task WriteBlocksAsync(TransponderUid uid, int firstBlock, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstBlock);
        if (data.Length == 0 || data.Length % BlockSize != 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"3M blocks hold {BlockSize} bytes; {data.Length} byte(s) are not whole blocks. Pad the last block."), nameof(data));
        }

        if (firstBlock + (data.Length / BlockSize) > byte.MaxValue + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(firstBlock), "ISO 15693 addresses blocks 0 to 255; the data runs past block 255.");
        }

        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            const int chunkBytes = MaximumBlocksPerRequest * BlockSize;
            for (var offset = 0; offset < data.Length; offset += chunkBytes)
            {
                var chunk = data.Slice(offset, Math.Min(chunkBytes, data.Length - offset));
                var first = firstBlock + (offset / BlockSize);
                var last = first + (chunk.Length / BlockSize) - 1;
                var operation = string.Create(CultureInfo.InvariantCulture, $"3M write of blocks {first}–{last} to tag {uid}");
                var response = await ExchangeAsync(new ThreeMWriteBlocksRequest { Uid = uid, FirstBlock = (byte)first, Data = chunk }, operation, writes: true, cancellationToken).ConfigureAwait(false);
                if (response.Error == ThreeMErrorCode.None)
                {
                    continue;
                }

                if (response.Error == ThreeMErrorCode.NoTransponder && response is ThreeMErrorResponse { Rest.Length: > 0 } failed)
                {
                    // The block field says where writing stopped (§7.6): the tag left part-way.
                    var stoppedAt = failed.Rest.Span[0];
                    throw new RfidReaderException(
                        RfidReaderFailureKind.NoTransponder,
                        string.Create(CultureInfo.InvariantCulture, $"Tag {uid} left the field of reader '{Name}' during the write: blocks before {stoppedAt} are written, blocks {stoppedAt}–{last} are not. Put the item back on the pad and write again."));
                }

                throw ErrorFailure(response, operation, uid);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Each attempt writes the AFI and reads it back with Get AFI; a write that reported a failure is read back too, as
    /// the tag may have taken it. A tag that stops answering ends the attempts at once. Only cancellation throws.
    /// </remarks>
    public async Task<RfidSecurityResult> SetSecurityAsync(TransponderUid uid, bool secured, CancellationToken cancellationToken = default)
    {
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var afi = (byte)(secured ? _profile.SecuredAfi : _profile.LoanedAfi);
            var operation = string.Create(CultureInfo.InvariantCulture, $"3M write of AFI 0x{afi:X2} to tag {uid}");
            return await RfidSecuritySwitch.RunAsync(
                Name,
                uid,
                secured,
                _profile.SecurityAttempts,
                async ct =>
                {
                    var response = await ExchangeAsync(new ThreeMWriteAfiRequest { Uid = uid, Afi = afi }, operation, writes: true, ct).ConfigureAwait(false);
                    if (response.Error != ThreeMErrorCode.None)
                    {
                        throw ErrorFailure(response, operation, uid);
                    }
                },
                async ct => await ReadAfiAsync(uid, ct).ConfigureAwait(false) == _profile.SecuredAfi,
                _logger,
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        await _gate.WaitAsync().ConfigureAwait(false);
        _disposed = true;
        _line.Abandon();
        _gate.Release();
    }

    private static ISerialConnection Check(ISerialConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection;
    }

    private static bool IsRadioError(ThreeMErrorCode error, bool writes) =>
        error is ThreeMErrorCode.MemoryNotRead or ThreeMErrorCode.UnknownError || (writes && error == ThreeMErrorCode.MemoryNotWritten);

    private async Task EnterAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (_disposed)
        {
            _gate.Release();
            throw new ObjectDisposedException(nameof(ThreeMRfidReader));
        }
    }

    private async Task<byte> ReadAfiAsync(TransponderUid uid, CancellationToken cancellationToken)
    {
        var operation = $"3M Get AFI of tag {uid}";
        var response = await ExchangeAsync(new ThreeMGetAfiRequest { Uid = uid }, operation, writes: false, cancellationToken).ConfigureAwait(false);
        return response is ThreeMGetAfiResponse { Error: ThreeMErrorCode.None } afi ? afi.Afi : throw ErrorFailure(response, operation, uid);
    }

    /// <summary>Reads blocks; null when the tag has no such blocks (0x11).</summary>
    private async Task<byte[]?> TryReadBlocksAsync(TransponderUid uid, int first, int count, CancellationToken cancellationToken)
    {
        var operation = string.Create(CultureInfo.InvariantCulture, $"3M read of blocks {first}–{first + count - 1} of tag {uid}");
        var response = await ExchangeAsync(new ThreeMReadBlocksRequest { Uid = uid, FirstBlock = (byte)first, BlockCount = (byte)count }, operation, writes: false, cancellationToken).ConfigureAwait(false);
        if (response.Error == ThreeMErrorCode.MemoryNotAvailable)
        {
            return null;
        }

        if (response is not ThreeMReadBlocksResponse { Error: ThreeMErrorCode.None } read)
        {
            throw ErrorFailure(response, operation, uid);
        }

        if (read.Blocks.Count != count || read.Blocks.Any(block => block.Data.Length != BlockSize))
        {
            throw new RfidReaderException(
                RfidReaderFailureKind.Protocol,
                string.Create(CultureInfo.InvariantCulture, $"{_identity.Subject} answered the {operation} with {read.Blocks.Count} block(s) instead of {count} of {BlockSize} bytes; read the tag again."));
        }

        return read.JoinData();
    }

    /// <summary>One request and its reply, retrying radio errors and a missed reply; other errors are the caller's.</summary>
    private async Task<ThreeMResponse> ExchangeAsync(ThreeMRequest request, string operation, bool writes, CancellationToken cancellationToken)
    {
        var bytes = ThreeMEncoder.Encode(request);

        // Biblio-RFID's practical reply time plus the request's and a 32-block reply's time on the wire (3 + 1 + 1 + 8 + 1 + 32 × 6 + 2 bytes).
        var timeout = ThreeMTiming.PracticalReplyTimeout + _line.WireTime(bytes.Length + 208);
        return await RfidReplyRetry.RunAsync(
            _identity,
            operation,
            timeout,
            ct => TransmitAsync(request, bytes, timeout, ct),
            response => IsRadioError(response.Error, writes),
            response => response.Meaning,
            DrainAsync,
            null,
            _logger,
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<ThreeMResponse?> TransmitAsync(ThreeMRequest request, byte[] bytes, TimeSpan timeout, CancellationToken cancellationToken)
    {
        _decoder.Reset();
        _pendingCommand = request.Command;
        _reply = null;
        _replyProblem = null;
        bool answered;
        try
        {
            answered = await _line.ExchangeAsync(bytes, TakeReply, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            throw new RfidReaderException(RfidReaderFailureKind.PortUnavailable, $"{_identity.Subject} is unreachable: {ex.Message}", ex);
        }

        if (!answered)
        {
            return null;
        }

        return _reply ?? throw new RfidReaderException(
            RfidReaderFailureKind.Protocol,
            $"{_identity.Subject} sent a reply that could not be read ({_replyProblem}); {_identity.LineAdvice}.");
    }

    private async Task DrainAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        try
        {
            await _line.DrainAsync(duration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            throw new RfidReaderException(RfidReaderFailureKind.PortUnavailable, $"{_identity.Subject} is unreachable: {ex.Message}", ex);
        }
    }

    private bool TakeReply(ReadOnlyMemory<byte> bytes)
    {
        _decoder.Feed(bytes.Span);
        while (_decoder.TryRead(out var result))
        {
            if (result.Frame is null)
            {
                Log.LineNoise(_logger, Name, _identity.PortName, result.Error?.Reason ?? "unknown");
                continue;
            }

            if (result.Frame.Command != _pendingCommand)
            {
                Log.StrayReply(_logger, Name, _identity.PortName, string.Create(CultureInfo.InvariantCulture, $"command 0x{result.Frame.Command:X2}"));
                continue;
            }

            _reply = result.Response;
            _replyProblem = result.Error?.Reason;
            return true;
        }

        return false;
    }

    private RfidReaderException ErrorFailure(ThreeMResponse response, string operation, TransponderUid? uid)
    {
        var tag = uid is { } value ? $"tag {value}" : "the tag";
        var (kind, advice) = response.Error switch
        {
            ThreeMErrorCode.NoTransponder => (RfidReaderFailureKind.NoTransponder, $"{tag} did not answer: it has left the field or lies too far from the antenna; put the item back on the pad"),
            ThreeMErrorCode.MemoryNotRead or ThreeMErrorCode.UnknownError => (RfidReaderFailureKind.RadioError, $"the radio exchange failed {RfidReplyRetry.RadioAttempts} times: keep metal away from the pad and spread out a large stack"),
            ThreeMErrorCode.MemoryNotWritten => (RfidReaderFailureKind.WriteRefused, $"{tag} did not take the write {RfidReplyRetry.RadioAttempts} times: lay it flat on the pad"),
            ThreeMErrorCode.MemoryLocked or ThreeMErrorCode.MemoryNotAvailable => (RfidReaderFailureKind.WriteRefused, $"{tag} refused it (a locked block or AFI, or a block it does not have)"),
            _ => (RfidReaderFailureKind.Protocol, "check the reader's firmware; the command or its options may not be implemented"),
        };
        return new RfidReaderException(
            kind,
            string.Create(CultureInfo.InvariantCulture, $"{_identity.Subject}: {operation} failed with error 0x{(byte)response.Error:X2} ({response.Meaning}); {advice}."));
    }
}
