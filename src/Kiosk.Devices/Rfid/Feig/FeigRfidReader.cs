using System.Globalization;
using Kiosk.Devices.Transports;
using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Readers.Feig;
using Kiosk.Protocols.Readers.Feig.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiosk.Devices.Rfid.Feig;

/// <summary>
/// Driver for a FEIG ID CPR / ID ISC reader speaking the ISO host protocol (ID CPR manual H20800-16e-ID-B): the
/// <see cref="FeigEncoder"/> and <see cref="FeigFrameDecoder"/> codec over one open serial connection. The composition
/// root opens the port; a <see cref="RfidReaderService"/> makes a new driver for each connection.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Inventory follows status 0x94 "more data" with the MORE bit until the reader has sent every data set (§7.1.1, p.82).</item>
/// <item>The manual's inventory has no AFI field: AFI filtering is reader configuration (CFG4 ISO15693-MODE bit AFI and
/// byte ISO15693-AFI, §4.5, p.45–46), as the reader simulator models it. The driver reads CFG4 once per connection
/// ([0x80], §5.1, p.59) and rewrites it in the reader's RAM ([0x81] without the EEPROM bit, §5.2, p.60) only when the
/// requested filter differs, so a power cycle restores the site's own configuration.</item>
/// <item>A tag's memory is sized from Get System Information ([0x2B], §7.2.8, p.104–105). MEM-SIZE is read with the
/// ISO/IEC 15693-3 coding (block size − 1, block count − 1), which tags send and the reader passes on, as the reader
/// simulator does; the manual's wording ("block size in bytes") is the raw field.</item>
/// <item>Reads and writes go in requests of at most 128 data bytes (§7.1.3, p.93).</item>
/// <item>Every reply is awaited for TR-RESPONSE-TIME (1 s from the factory, §4.2, p.24–26) plus the wire time of
/// the request and of the longest standard reply at the profile's baud rate. The frame ends where its length byte
/// says (§3.1, p.18), so nothing waits for a quiet line.</item>
/// <item>The Protocol Start Synchronization Time (5 ms of silence before a request, §3.1, p.20) needs no wait on a
/// point-to-point RS-232 or USB line: the host's line has been quiet since its previous request, for at least the time
/// the reader took to answer it. A driver for an RS-485 bus with several readers would have to add it.</item>
/// </list>
/// </remarks>
public sealed class FeigRfidReader : IRfidReader, IRfidEasAlarm
{
    // "The maximum number of data bytes in one request is 128" for Read Multiple Blocks (§7.1.3, p.93); writes use the same bound.
    private const int MaximumDataBytesPerRequest = 128;

    // Library tags have 4-byte blocks (NXP ICODE SLIX); some TI and Fujitsu chips have 8 (NXP ICODE SLIX datasheet, memory organisation).
    private const int LargestCommonBlockSize = 8;

    // Inventory replies with status 0x94 hold back data sets the reader's buffer could not send at once; its buffer
    // holds at most a few hundred tags (DataBufferOverflow, 0x93), so 64 continuations are plenty.
    private const int MaximumInventoryContinuations = 64;

    // [0x80] Read Configuration and [0x81] Write Configuration (§5.1–5.2, p.59–60); the codec keeps them as raw requests.
    private const byte ReadConfigurationCommand = 0x80;
    private const byte WriteConfigurationCommand = 0x81;

    // CFG4 "Transponder Parameters" (§4.5, p.45–46): byte 4 ISO15693-MODE (bit 5 = inventory with AFI), byte 5 ISO15693-AFI.
    private const byte TransponderParametersBlock = 4;
    private const int ConfigurationBlockLength = 14;
    private const int ModeByte = 4;
    private const int AfiByte = 5;
    private const byte AfiEnabledBit = 0x20;

    private readonly RfidReaderIdentity _identity;
    private readonly RfidReaderProfile _profile;
    private readonly ILogger _logger;
    private readonly RfidReaderLine _line;
    private readonly FeigFrameDecoder _decoder = new(FrameDirection.ReaderToHost);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<TransponderUid, int> _antennaOf = [];
    private readonly Dictionary<TransponderUid, int> _blockSizeOf = [];
    private readonly byte _address;
    private int? _activeAntenna;
    private byte[]? _transponderParameters;
    private FeigResponse? _reply;
    private string? _replyProblem;
    private bool _disposed;

    /// <summary>Creates the driver on an open connection; nothing is sent until the first call.</summary>
    /// <param name="connection">The reader's open serial connection.</param>
    /// <param name="profile">The reader's profile: name, line settings, antennas, security values.</param>
    /// <param name="timeProvider">Times the reply timeouts.</param>
    /// <param name="logger">Where retries, timeouts and security switches are logged.</param>
    public FeigRfidReader(ISerialConnection connection, RfidReaderProfile profile, TimeProvider timeProvider, ILogger<FeigRfidReader>? logger = null)
        : this(Check(connection).Stream, connection.PortName, profile, timeProvider, logger)
    {
    }

    /// <summary>Creates the driver on any stream that reaches a FEIG reader (a pipe, a simulator).</summary>
    /// <param name="stream">Bytes to and from the reader.</param>
    /// <param name="portName">The port or stream's name, for messages.</param>
    /// <param name="profile">The reader's profile.</param>
    /// <param name="timeProvider">Times the reply timeouts.</param>
    /// <param name="logger">Where retries, timeouts and security switches are logged.</param>
    public FeigRfidReader(Stream stream, string portName, RfidReaderProfile profile, TimeProvider timeProvider, ILogger<FeigRfidReader>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(portName);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _identity = new RfidReaderIdentity(profile.Name, portName, profile);
        _profile = profile;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _address = (byte)profile.BusAddress;
        _line = new RfidReaderLine(stream, timeProvider, profile.BaudRate, RfidReaderLine.BitsPerCharacter(profile.DataBits, profile.Parity, profile.StopBits));
        Antennas = [.. profile.Antennas];
    }

    /// <inheritdoc/>
    public string Name => _profile.Name;

    /// <inheritdoc/>
    public IReadOnlyList<int> Antennas { get; }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<RfidInventoryEntry>> InventoryAsync(int antenna, byte? afi = null, CancellationToken cancellationToken = default)
    {
        CheckAntenna(antenna);
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await SelectAntennaAsync(antenna, cancellationToken).ConfigureAwait(false);
            await SetInventoryFilterAsync(afi, cancellationToken).ConfigureAwait(false);
            var entries = new List<RfidInventoryEntry>();
            var options = FeigInventoryOptions.None;
            for (var round = 0; round <= MaximumInventoryContinuations; round++)
            {
                var response = await ExchangeAsync(new FeigInventoryRequest { Address = _address, Options = options }, "FEIG inventory", cancellationToken).ConfigureAwait(false);
                if (response.Status == FeigStatus.NoTransponder)
                {
                    // No tag at all, or (after MORE) nothing more held back.
                    return entries;
                }

                if (response is not FeigInventoryResponse { Status: FeigStatus.Ok or FeigStatus.MoreData } inventory)
                {
                    throw StatusFailure(response, "FEIG inventory", uid: null);
                }

                foreach (var entry in inventory.Transponders)
                {
                    _antennaOf[entry.Uid] = antenna;
                    if (!entries.Exists(e => e.Uid == entry.Uid))
                    {
                        entries.Add(new RfidInventoryEntry(entry.Uid, entry.Dsfid, antenna));
                    }
                }

                if (inventory.Status == FeigStatus.Ok)
                {
                    return entries;
                }

                options = FeigInventoryOptions.MoreData;
            }

            throw new RfidReaderException(
                RfidReaderFailureKind.Protocol,
                $"{_identity.Subject} kept answering 'more data' (0x94) after {MaximumInventoryContinuations} inventory continuations; reset the reader and check its firmware.");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Sends the NXP EAS Alarm custom command non-addressed through [0xB1] (see <see cref="FeigNxpCustomRequest"/>: the
    /// field order comes from FEIG's class library, not from the ID CPR manual, and is unverified on hardware). Every
    /// NXP tag with its EAS bit set answers; several answering at once still means "alarm".
    /// </remarks>
    public async Task<bool> EasAlarmAsync(int antenna, CancellationToken cancellationToken = default)
    {
        CheckAntenna(antenna);
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await SelectAntennaAsync(antenna, cancellationToken).ConfigureAwait(false);
            var operation = string.Create(CultureInfo.InvariantCulture, $"FEIG NXP EAS alarm on antenna {antenna}");
            var response = await ExchangeAsync(
                new FeigNxpCustomRequest { Address = _address, CustomCommand = FeigNxpCustomCommand.EasAlarm, Mode = FeigAddressingMode.NonAddressed },
                operation,
                cancellationToken).ConfigureAwait(false);
            return response.Status switch
            {
                FeigStatus.Ok => true,
                FeigStatus.NoTransponder => false,
                _ => throw StatusFailure(response, operation, uid: null),
            };
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
            await SelectAntennaOfAsync(uid, cancellationToken).ConfigureAwait(false);
            var information = await ReadSystemInformationAsync(uid, cancellationToken).ConfigureAwait(false);
            var blockSize = (information.BlockSizeField & 0x1F) + 1;
            var blockCount = information.BlockCountField + 1;
            var memory = new byte[blockSize * blockCount];
            var perRequest = Math.Max(1, Math.Min(byte.MaxValue, MaximumDataBytesPerRequest / blockSize));
            for (var first = 0; first < blockCount; first += perRequest)
            {
                var count = Math.Min(perRequest, blockCount - first);
                var operation = string.Create(CultureInfo.InvariantCulture, $"FEIG read of blocks {first}–{first + count - 1} of tag {uid}");
                var response = await ExchangeAsync(
                    new FeigReadMultipleBlocksRequest { Address = _address, Uid = uid, FirstBlock = (byte)first, BlockCount = (byte)count },
                    operation,
                    cancellationToken).ConfigureAwait(false);
                if (response is not FeigReadMultipleBlocksResponse { Status: FeigStatus.Ok } read)
                {
                    throw StatusFailure(response, operation, uid);
                }

                if (read.BlockSize != blockSize || read.Blocks.Count != count)
                {
                    throw new RfidReaderException(
                        RfidReaderFailureKind.Protocol,
                        string.Create(CultureInfo.InvariantCulture, $"{_identity.Subject} answered the {operation} with {read.Blocks.Count} block(s) of {read.BlockSize} byte(s), but the tag's system information says blocks of {blockSize}; read the tag again."));
                }

                read.JoinData().CopyTo(memory, first * blockSize);
            }

            _blockSizeOf[uid] = blockSize;
            return new RfidTagMemory(uid, information.Dsfid, information.Afi, blockSize, memory);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Read Multiple Blocks ([0xB0][0x23], §7.1.3, p.93) in requests of at most 128 data bytes, with no Get System
    /// Information first: the reply carries the block size. Until a tag's block size is known the first request asks
    /// for at most 16 blocks, so it stays within 128 bytes for blocks of up to 8 bytes. A block past the end of the
    /// tag's memory is answered with status 0x95 and the tag's ISO/IEC 15693-3 error 0x10 "block not available".
    /// </remarks>
    public async Task<RfidTagBlocks> ReadBlocksAsync(TransponderUid uid, int firstBlock, int blockCount, CancellationToken cancellationToken = default)
    {
        RfidTagBlocks.CheckRange(firstBlock, blockCount);
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await SelectAntennaOfAsync(uid, cancellationToken).ConfigureAwait(false);
            int? blockSize = _blockSizeOf.TryGetValue(uid, out var known) ? known : null;
            var data = new List<byte>(blockCount * (blockSize ?? 4));
            var end = firstBlock + blockCount;
            for (var block = firstBlock; block < end;)
            {
                var perRequest = Math.Max(1, MaximumDataBytesPerRequest / (blockSize ?? LargestCommonBlockSize));
                var count = Math.Min(perRequest, end - block);
                var operation = string.Create(CultureInfo.InvariantCulture, $"FEIG read of blocks {block}–{block + count - 1} of tag {uid}");
                var response = await ExchangeAsync(
                    new FeigReadMultipleBlocksRequest { Address = _address, Uid = uid, FirstBlock = (byte)block, BlockCount = (byte)count },
                    operation,
                    cancellationToken).ConfigureAwait(false);
                if (response is not FeigReadMultipleBlocksResponse { Status: FeigStatus.Ok } read)
                {
                    if (response is { Status: FeigStatus.Iso15693Error, IsoError: (byte)Iso15693ErrorCode.BlockNotAvailable })
                    {
                        throw new RfidReaderException(
                            RfidReaderFailureKind.BlockNotAvailable,
                            string.Create(CultureInfo.InvariantCulture, $"{_identity.Subject}: tag {uid} does not have every block of {block}–{block + count - 1} ({response.Meaning}); its memory ends before block {end - 1}. Ask for fewer blocks, or read the whole tag, which is sized from its system information first."));
                    }

                    throw StatusFailure(response, operation, uid);
                }

                if (read.Blocks.Count != count || read.BlockSize == 0 || (blockSize is { } size && read.BlockSize != size))
                {
                    throw new RfidReaderException(
                        RfidReaderFailureKind.Protocol,
                        string.Create(CultureInfo.InvariantCulture, $"{_identity.Subject} answered the {operation} with {read.Blocks.Count} block(s) of {read.BlockSize} byte(s) instead of {count}{(blockSize is { } expected ? string.Create(CultureInfo.InvariantCulture, $" of {expected}") : string.Empty)}; read the tag again."));
                }

                blockSize = read.BlockSize;
                data.AddRange(read.JoinData());
                block += count;
            }

            _blockSizeOf[uid] = blockSize!.Value;
            return new RfidTagBlocks(uid, firstBlock, blockSize.Value, data.ToArray());
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
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await SelectAntennaOfAsync(uid, cancellationToken).ConfigureAwait(false);
            if (!_blockSizeOf.TryGetValue(uid, out var blockSize))
            {
                var information = await ReadSystemInformationAsync(uid, cancellationToken).ConfigureAwait(false);
                blockSize = (information.BlockSizeField & 0x1F) + 1;
                _blockSizeOf[uid] = blockSize;
            }

            if (data.Length == 0 || data.Length % blockSize != 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Tag {uid} has blocks of {blockSize} bytes; {data.Length} byte(s) are not whole blocks. Pad the last block."),
                    nameof(data));
            }

            if (firstBlock + (data.Length / blockSize) > byte.MaxValue + 1)
            {
                throw new ArgumentOutOfRangeException(nameof(firstBlock), "ISO 15693 addresses blocks 0 to 255; the data runs past block 255.");
            }

            var perRequest = Math.Max(1, MaximumDataBytesPerRequest / blockSize) * blockSize;
            for (var offset = 0; offset < data.Length; offset += perRequest)
            {
                var chunk = data.Slice(offset, Math.Min(perRequest, data.Length - offset));
                await WriteChunkAsync(uid, firstBlock + (offset / blockSize), blockSize, chunk, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Each attempt writes the AFI (or sets/resets the NXP EAS bit) and then reads it back; a write that reported a
    /// failure is read back too, as the tag may have taken it. A tag that stops answering ends the attempts at once.
    /// Only cancellation throws; every other failure is in the result, which the caller treats as "still secured".
    /// </remarks>
    public async Task<RfidSecurityResult> SetSecurityAsync(TransponderUid uid, bool secured, CancellationToken cancellationToken = default)
    {
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await RfidSecuritySwitch.RunAsync(
                Name,
                uid,
                secured,
                _profile.SecurityAttempts,
                async ct =>
                {
                    await SelectAntennaOfAsync(uid, ct).ConfigureAwait(false);
                    await WriteSecurityAsync(uid, secured, ct).ConfigureAwait(false);
                },
                ct => ReadSecurityAsync(uid, ct),
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

    private static bool IsRadioError(FeigStatus status) => status is FeigStatus.RfCommunicationError or FeigStatus.DataFalse;

    private async Task EnterAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (_disposed)
        {
            _gate.Release();
            throw new ObjectDisposedException(nameof(FeigRfidReader));
        }
    }

    private void CheckAntenna(int antenna)
    {
        if (!Antennas.Contains(antenna))
        {
            throw new ArgumentOutOfRangeException(
                nameof(antenna),
                string.Create(CultureInfo.InvariantCulture, $"Reader '{Name}' has no antenna {antenna}; its profile lists {string.Join(", ", Antennas)}."));
        }
    }

    private Task SelectAntennaOfAsync(TransponderUid uid, CancellationToken cancellationToken) =>
        SelectAntennaAsync(_antennaOf.TryGetValue(uid, out var antenna) ? antenna : _activeAntenna ?? Antennas[0], cancellationToken);

    private async Task SelectAntennaAsync(int antenna, CancellationToken cancellationToken)
    {
        // A single-antenna reader always has its one antenna on; [0x6A] is only needed to switch (§6.7, p.73).
        if (Antennas.Count == 1 || _activeAntenna == antenna)
        {
            return;
        }

        var operation = string.Create(CultureInfo.InvariantCulture, $"FEIG RF output switch to antenna {antenna}");
        var response = await ExchangeAsync(new FeigRfOutputRequest { Address = _address, AntennaOutput = (byte)antenna }, operation, cancellationToken).ConfigureAwait(false);
        if (response.Status != FeigStatus.Ok)
        {
            throw StatusFailure(response, operation, uid: null);
        }

        _activeAntenna = antenna;
    }

    private async Task SetInventoryFilterAsync(byte? afi, CancellationToken cancellationToken)
    {
        if (_transponderParameters is null)
        {
            var read = await ExchangeAsync(
                new FeigUnknownRequest { Address = _address, CommandByte = ReadConfigurationCommand, Data = new[] { TransponderParametersBlock } },
                "FEIG read of configuration block CFG4",
                cancellationToken).ConfigureAwait(false);
            if (read is FeigStatusResponse { Status: FeigStatus.Ok } block && block.Data.Length == ConfigurationBlockLength)
            {
                _transponderParameters = block.Data.ToArray();
            }
            else if (afi is null)
            {
                // A reader that will not show its configuration is polled as it is; only a filter needs CFG4.
                return;
            }
            else
            {
                throw new RfidReaderException(
                    RfidReaderFailureKind.Protocol,
                    $"{_identity.Subject} refused to read configuration block CFG4 ({read.Meaning}), so it cannot filter the inventory by AFI; check that the reader model supports [0x80] Read Configuration.");
            }
        }

        byte? current = (_transponderParameters[ModeByte] & AfiEnabledBit) != 0 ? _transponderParameters[AfiByte] : null;
        if (current == afi)
        {
            return;
        }

        var updated = (byte[])_transponderParameters.Clone();
        updated[ModeByte] = afi is null ? (byte)(updated[ModeByte] & ~AfiEnabledBit) : (byte)(updated[ModeByte] | AfiEnabledBit);
        updated[AfiByte] = afi ?? 0;
        var request = new byte[1 + ConfigurationBlockLength];
        request[0] = TransponderParametersBlock;
        updated.CopyTo(request, 1);
        var write = await ExchangeAsync(
            new FeigUnknownRequest { Address = _address, CommandByte = WriteConfigurationCommand, Data = request },
            "FEIG write of configuration block CFG4",
            cancellationToken).ConfigureAwait(false);
        if (write.Status != FeigStatus.Ok)
        {
            throw new RfidReaderException(
                RfidReaderFailureKind.Protocol,
                $"{_identity.Subject} refused to set the inventory AFI filter in CFG4 ({write.Meaning}); check that the reader model supports [0x81] Write Configuration.");
        }

        _transponderParameters = updated;
        Log.InventoryFilterSet(_logger, Name, afi is { } value ? string.Create(CultureInfo.InvariantCulture, $"0x{value:X2}") : "off");
    }

    private async Task<FeigSystemInformationResponse> ReadSystemInformationAsync(TransponderUid uid, CancellationToken cancellationToken)
    {
        var operation = $"FEIG system information of tag {uid}";
        var response = await ExchangeAsync(new FeigGetSystemInformationRequest { Address = _address, Uid = uid }, operation, cancellationToken).ConfigureAwait(false);
        return response as FeigSystemInformationResponse ?? throw StatusFailure(response, operation, uid);
    }

    private async Task WriteChunkAsync(TransponderUid uid, int firstBlock, int blockSize, ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        var lastBlock = firstBlock + (chunk.Length / blockSize) - 1;
        var operation = string.Create(CultureInfo.InvariantCulture, $"FEIG write of blocks {firstBlock}–{lastBlock} to tag {uid}");
        for (var attempt = 1; ; attempt++)
        {
            var response = await ExchangeAsync(
                new FeigWriteMultipleBlocksRequest { Address = _address, Uid = uid, FirstBlock = (byte)firstBlock, BlockSize = (byte)blockSize, Data = chunk },
                operation,
                cancellationToken).ConfigureAwait(false);
            if (response.Status == FeigStatus.Ok)
            {
                return;
            }

            // 0x03: the written data did not verify, perhaps the tag is too far from the antenna (Annex C, p.156). The
            // blocks before DB_ADR-E are written (§7.1.4, p.96); write again from there. A tag that has left answers the
            // retry with 0x01, which names the failure properly.
            if (response is FeigWriteMultipleBlocksResponse { Status: FeigStatus.WriteError, ErrorBlockAddress: { } failedAt }
                && attempt < RfidReplyRetry.RadioAttempts && failedAt >= firstBlock && failedAt <= lastBlock)
            {
                Log.WriteRetry(_logger, Name, uid, failedAt, response.Meaning, attempt, RfidReplyRetry.RadioAttempts);
                chunk = chunk[((failedAt - firstBlock) * blockSize)..];
                firstBlock = failedAt;
                continue;
            }

            if (response.Status == FeigStatus.NoTransponder && attempt > 1)
            {
                throw new RfidReaderException(
                    RfidReaderFailureKind.NoTransponder,
                    string.Create(CultureInfo.InvariantCulture, $"Tag {uid} left the field of reader '{Name}' during the write: blocks before {firstBlock} are written, blocks {firstBlock}–{lastBlock} are not. Put the item back on the pad and write again."));
            }

            throw StatusFailure(response, operation, uid);
        }
    }

    private async Task WriteSecurityAsync(TransponderUid uid, bool secured, CancellationToken cancellationToken)
    {
        if (_profile.SecurityMode == RfidSecurityMode.Eas)
        {
            var command = secured ? FeigNxpCustomCommand.SetEas : FeigNxpCustomCommand.ResetEas;
            var operation = $"FEIG NXP {(secured ? "set" : "reset")} EAS of tag {uid}";
            var response = await ExchangeAsync(new FeigNxpCustomRequest { Address = _address, CustomCommand = command, Uid = uid }, operation, cancellationToken).ConfigureAwait(false);
            if (response.Status != FeigStatus.Ok)
            {
                throw StatusFailure(response, operation, uid);
            }

            return;
        }

        var afi = (byte)(secured ? _profile.SecuredAfi : _profile.LoanedAfi);
        var writeOperation = string.Create(CultureInfo.InvariantCulture, $"FEIG write of AFI 0x{afi:X2} to tag {uid}");
        var reply = await ExchangeAsync(new FeigWriteAfiRequest { Address = _address, Uid = uid, Afi = afi }, writeOperation, cancellationToken).ConfigureAwait(false);
        if (reply.Status != FeigStatus.Ok)
        {
            throw StatusFailure(reply, writeOperation, uid);
        }
    }

    /// <summary>Reads the tag's security back: true when secured (the secured AFI, or EAS set).</summary>
    private async Task<bool> ReadSecurityAsync(TransponderUid uid, CancellationToken cancellationToken)
    {
        if (_profile.SecurityMode == RfidSecurityMode.Eas)
        {
            var operation = $"FEIG NXP EAS alarm check of tag {uid}";
            var response = await ExchangeAsync(new FeigNxpCustomRequest { Address = _address, CustomCommand = FeigNxpCustomCommand.EasAlarm, Uid = uid }, operation, cancellationToken).ConfigureAwait(false);
            if (response.Status == FeigStatus.Ok)
            {
                return true;
            }

            if (response.Status != FeigStatus.NoTransponder)
            {
                throw StatusFailure(response, operation, uid);
            }

            // A tag with EAS reset stays silent to the alarm, as does a tag that left: ask it directly.
            await ReadSystemInformationAsync(uid, cancellationToken).ConfigureAwait(false);
            return false;
        }

        var information = await ReadSystemInformationAsync(uid, cancellationToken).ConfigureAwait(false);
        return information.Afi == _profile.SecuredAfi;
    }

    /// <summary>One request and its reply, retrying radio errors and a missed reply; other statuses are the caller's.</summary>
    private async Task<FeigResponse> ExchangeAsync(FeigRequest request, string operation, CancellationToken cancellationToken)
    {
        var bytes = FeigEncoder.Encode(request);

        // TR-RESPONSE-TIME (§4.2, p.26) plus the request's and the longest standard reply's time on the wire.
        var timeout = FeigTiming.DefaultTransponderResponseTime + _line.WireTime(bytes.Length + FeigEncoder.MaxStandardFrameLength);
        return await RfidReplyRetry.RunAsync(
            _identity,
            operation,
            timeout,
            ct => TransmitAsync(request, bytes, timeout, ct),
            response => IsRadioError(response.Status),
            response => response.Meaning,
            DrainAsync,
            () =>
            {
                // A reader that went silent may have reset, losing its RAM configuration and its antenna selection.
                _transponderParameters = null;
                _activeAntenna = null;
            },
            _logger,
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<FeigResponse?> TransmitAsync(FeigRequest request, byte[] bytes, TimeSpan timeout, CancellationToken cancellationToken)
    {
        _decoder.Reset();
        _decoder.PendingRequest = request;
        _reply = null;
        _replyProblem = null;
        bool answered;
        try
        {
            answered = await _line.ExchangeAsync(bytes, TakeReply, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            throw new RfidReaderException(
                RfidReaderFailureKind.PortUnavailable,
                $"{_identity.Subject} is unreachable: {ex.Message}",
                ex);
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
                // Noise before the reply (a reader booting, a glitch): the decoder has skipped it and resynchronised.
                Log.LineNoise(_logger, Name, _identity.PortName, result.Error?.Reason ?? "unknown");
                continue;
            }

            if (result.Frame.Command != _decoder.PendingRequest?.Command)
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

    private RfidReaderException StatusFailure(FeigResponse response, string operation, TransponderUid? uid)
    {
        var tag = uid is { } value ? $"tag {value}" : "the tag";
        var (kind, advice) = response.Status switch
        {
            FeigStatus.NoTransponder => (RfidReaderFailureKind.NoTransponder, $"{tag} did not answer: it has left the field or lies too far from the antenna; put the item back on the pad"),
            FeigStatus.RfCommunicationError or FeigStatus.DataFalse => (RfidReaderFailureKind.RadioError, $"the radio exchange failed {RfidReplyRetry.RadioAttempts} times: keep metal and other readers away from the antenna, and spread out a large stack"),
            FeigStatus.WriteError => (RfidReaderFailureKind.WriteRefused, $"{tag} did not take the write: lay it flat on the pad; if it keeps failing the block may be read-only"),
            FeigStatus.Iso15693Error or FeigStatus.AddressError => (RfidReaderFailureKind.WriteRefused, $"{tag} refused the command (a locked block or AFI, or a block it does not have)"),
            _ => (RfidReaderFailureKind.Protocol, "check the reader model and its firmware; the command may not be available in its current mode"),
        };
        return new RfidReaderException(
            kind,
            string.Create(CultureInfo.InvariantCulture, $"{_identity.Subject}: {operation} failed with status 0x{(byte)response.Status:X2} ({response.Meaning}); {advice}."));
    }
}
