using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Kiosk.Devices.Printers;
using Kiosk.Devices.Printers.Rendering;
using Kiosk.Protocols.Printing.EscPos;
using Kiosk.Simulators.Pty;
using Microsoft.Extensions.Options;

namespace Kiosk.Simulators.Printer;

/// <summary>
/// An ESC/POS receipt printer on a pty or on TCP. It decodes what it receives with <see cref="EscPosDecoder"/>, answers
/// DLE EOT 1–4 at once with the status bytes of the Epson reference, and at each cut (GS V) hands over a
/// <see cref="SimulatedReceipt"/>, also written to the output directory as text and PNG. A cut with nothing printed
/// since the previous one cuts off blank paper, as a real cutter does: it makes no receipt and is counted in
/// <see cref="BlankCuts"/>. Paper end, near end, cover open and offline are switches a test or an operator flips.
/// </summary>
public sealed class ReceiptPrinterSimulator : IAsyncDisposable
{
    private readonly PrinterSimulatorOptions _options;
    private readonly EscPosDecoderOptions _decoderOptions;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Channel<SimulatedReceipt> _receipts = Channel.CreateUnbounded<SimulatedReceipt>();
    private readonly List<Task> _sessions = [];
    private readonly Lock _sessionsLock = new();
    private PseudoTerminal? _terminal;
    private TcpListener? _listener;
    private Task _running = Task.CompletedTask;
    private int _receiptNumber;

    /// <summary>Creates the simulator; <see cref="Start"/> opens the pty or the listener.</summary>
    /// <exception cref="ArgumentException">The options are out of range.</exception>
    public ReceiptPrinterSimulator(PrinterSimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new PrinterSimulatorOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new ArgumentException("Printer simulator settings are invalid: " + result.FailureMessage, nameof(options));
        }

        _options = options;
        _decoderOptions = new EscPosDecoderOptions
        {
            CodePages = EscPosCodePageMap.Epson.WithTcvn3Pages((byte)options.Tcvn3LowercasePage, (byte)options.Tcvn3CapitalsPage),
            RecognizeUserCharacter = UserCharacterRecognizer.Shared.Recognize,
        };
    }

    /// <summary>The pty path a driver opens (the link when configured). Only with a pty.</summary>
    public string PortPath => _terminal?.PortPath ?? throw new InvalidOperationException("The printer simulator is not on a pty; see TcpPort.");

    /// <summary>The TCP port listened on (the real one when 0 was asked). Only with TCP.</summary>
    public int TcpPort => _listener is { } listener ? ((IPEndPoint)listener.LocalEndpoint).Port : throw new InvalidOperationException("The printer simulator is not on TCP; see PortPath.");

    /// <summary>Roll paper end: DLE EOT 4 bits 5–6 and DLE EOT 2 bit 5; also offline (DLE EOT 1 bit 3).</summary>
    public bool PaperEnd { get; set; }

    /// <summary>Roll paper near end: DLE EOT 4 bits 2–3.</summary>
    public bool PaperNearEnd { get; set; }

    /// <summary>Cover open: DLE EOT 2 bit 2; also offline.</summary>
    public bool CoverOpen { get; set; }

    /// <summary>Offline for another reason: DLE EOT 1 bit 3.</summary>
    public bool Offline { get; set; }

    /// <summary>The status the switches add up to.</summary>
    public PrinterStatus Status => new() { IsKnown = true, PaperEnd = PaperEnd, PaperNearEnd = PaperNearEnd, CoverOpen = CoverOpen, Offline = Offline };

    /// <summary>How many DLE EOT requests were answered.</summary>
    public int StatusRequestsAnswered => Volatile.Read(ref _statusRequests);

    private int _statusRequests;

    /// <summary>How many cuts came with nothing printed since the previous cut (or the start), and so made no receipt.</summary>
    public int BlankCuts => Volatile.Read(ref _blankCuts);

    private int _blankCuts;

    /// <summary>Each receipt as it is cut.</summary>
    public ChannelReader<SimulatedReceipt> Receipts => _receipts.Reader;

    /// <summary>Opens the pty or starts listening, and starts answering.</summary>
    public void Start()
    {
        if (_options.OutputDirectory is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        if (_options.TcpPort is { } port)
        {
            // Loopback for tests (port 0); any address when standing in for a network printer on a real port.
            _listener = new TcpListener(port == 0 ? IPAddress.Loopback : IPAddress.Any, port);
            _listener.Start();
            _running = AcceptAsync(_listener, _stopping.Token);
        }
        else
        {
            _terminal = PseudoTerminal.Open(_options.LinkPath);
            _running = ServeAsync(_terminal.Stream, _stopping.Token);
        }
    }

    /// <summary>Waits for the next receipt.</summary>
    public async Task<SimulatedReceipt> WaitForReceiptAsync(CancellationToken cancellationToken) =>
        await _receipts.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener?.Stop();
        _terminal?.Dispose();
        Task[] sessions;
        lock (_sessionsLock)
        {
            sessions = [.. _sessions, _running];
        }

        try
        {
            await Task.WhenAll(sessions).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // Closing the pty or the sockets ends the loops this way.
        }

        _receipts.Writer.TryComplete();
        _stopping.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
            var session = ServeClientAsync(client, cancellationToken);
            lock (_sessionsLock)
            {
                _sessions.Add(session);
            }
        }
    }

    private async Task ServeClientAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using (client)
        {
            try
            {
                await ServeAsync(client.GetStream(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException)
            {
                // The kiosk dropped the connection; a printer just waits for the next.
            }
        }
    }

    private async Task ServeAsync(Stream stream, CancellationToken cancellationToken)
    {
        var decoder = new EscPosDecoder(_decoderOptions);
        var items = new List<EscPosDecodedItem>();
        var notReady = false;
        var buffer = new byte[4096];
        while (true)
        {
            var count = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (count == 0)
            {
                decoder.Complete();
            }
            else
            {
                decoder.Feed(buffer.AsSpan(0, count));
            }

            while (decoder.TryRead(out var item))
            {
                switch (item.Command)
                {
                    case RealTimeStatusRequestCommand request:
                        // Real-time: answered as soon as decoded, ahead of anything still being printed (Epson reference, DLE EOT).
                        await stream.WriteAsync(new[] { PrinterStatusBytes.Encode(request.Kind, Status) }, cancellationToken).ConfigureAwait(false);
                        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                        Interlocked.Increment(ref _statusRequests);
                        break;
                    case CutCommand:
                    case null when item.Name == "GS V" && item.Kind == EscPosItemKind.Command:
                        if (!items.Any(PrintsSomething))
                        {
                            // Blank paper was fed and cut off: what it carried was feeds, and the modes stay in force.
                            Interlocked.Increment(ref _blankCuts);
                            items.RemoveAll(IsFeed);
                            break;
                        }

                        items.Add(item);
                        Finish(items, wasCut: true, notReady);
                        items = [];
                        notReady = false;
                        break;
                    default:
                        items.Add(item);
                        notReady |= !Status.CanPrint;
                        break;
                }
            }

            if (count == 0)
            {
                if (items.Any(PrintsSomething))
                {
                    Finish(items, wasCut: false, notReady);
                }

                return;
            }
        }
    }

    /// <summary>Whether <paramref name="item"/> puts ink on the paper.</summary>
    private static bool PrintsSomething(EscPosDecodedItem item) =>
        item.Kind == EscPosItemKind.Text || item.Symbol is not null
        || item.Command is RasterImageCommand or BitImageCommand or PrintGraphicsCommand;

    private static bool IsFeed(EscPosDecodedItem item) =>
        item.Command is LineFeedCommand or FeedLinesCommand or FeedDotsCommand || item.Name == "CR";

    private void Finish(List<EscPosDecodedItem> items, bool wasCut, bool notReady)
    {
        var number = Interlocked.Increment(ref _receiptNumber);
        var document = new EscPosDecodedDocument(items);
        string? textPath = null;
        string? imagePath = null;
        IReadOnlyList<string> renderNotes = [];
        if (_options.OutputDirectory is { } directory)
        {
            var stem = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"receipt-{number:0000}"));
            textPath = stem + ".txt";
            imagePath = stem + ".png";
            File.WriteAllText(textPath, document.Text);
            var (png, drawingNotes) = ReceiptImageRenderer.Render(document, _options.DotsPerLine);
            File.WriteAllBytes(imagePath, png);
            renderNotes = drawingNotes;
        }

        var receipt = new SimulatedReceipt { Number = number, Document = document, WasCut = wasCut, ArrivedWhileNotReady = notReady, TextPath = textPath, ImagePath = imagePath };
        if (textPath is not null)
        {
            var notes = new List<string> { "PNG: images, barcodes and QR codes in black; each character as a grey box (text is in the .txt)." };
            notes.AddRange(receipt.Notes);
            notes.AddRange(renderNotes);
            File.WriteAllLines(Path.ChangeExtension(textPath, ".log"), notes);
        }

        _receipts.Writer.TryWrite(receipt);
    }
}
