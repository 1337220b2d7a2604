using System.Text.RegularExpressions;
using Kiosk.Circulation.Sessions;
using Kiosk.Ils;
using Kiosk.Devices.Printers;
using Kiosk.Protocols.Printing;
using KioskController.Scanning;
using Microsoft.Extensions.Options;

namespace KioskController.Circulation;

/// <summary>
/// Joins the screen, the scanner and the printer to the circulation kiosk: a scanned card signs in, a scanned item
/// joins the session, and each finished transaction gets its receipt as the site's policy says. It remembers only the
/// card's last four characters (for the receipt), never the whole number.
/// </summary>
internal sealed partial class SessionCoordinator : IDisposable
{
    private readonly ICirculationKiosk _kiosk;
    private readonly ScanFeed _scans;
    private readonly IReceiptPrinter? _printer;
    private readonly ReceiptJobBuilder? _jobs;
    private readonly ReceiptOptions _receipts;
    private readonly KioskOptions _kioskOptions;
    private readonly Regex? _cardPattern;
    private readonly TimeProvider _time;
    private readonly ILogger<SessionCoordinator> _logger;
    private readonly global::Kiosk.Events.Outbox.IEventOutbox? _outbox;
    private readonly Events.OutboxCirculationSink? _eventSink;
    private readonly global::Kiosk.Events.Privacy.PatronPseudonymizer? _pseudonymizer;
    private readonly global::Kiosk.Events.Envelope.PatronDataGuard? _guard;
    private readonly Lock _gate = new();
    private readonly Commands.MaintenanceMode? _maintenance;
    private IDisposable? _guardScope;
    private string _cardSuffix = string.Empty;
    private Receipt? _lastReceipt;

    public SessionCoordinator(
        ICirculationKiosk kiosk,
        ScanFeed scans,
        IOptions<ReceiptOptions> receipts,
        IOptions<KioskOptions> kioskOptions,
        IOptions<ScannerOptions> scanner,
        TimeProvider time,
        ILogger<SessionCoordinator> logger,
        IReceiptPrinter? printer = null,
        PrinterProfile? profile = null,
        global::Kiosk.Events.Outbox.IEventOutbox? outbox = null,
        Events.OutboxCirculationSink? eventSink = null,
        global::Kiosk.Events.Privacy.PatronPseudonymizer? pseudonymizer = null,
        global::Kiosk.Events.Envelope.PatronDataGuard? guard = null,
        Commands.MaintenanceMode? maintenance = null)
    {
        _maintenance = maintenance;
        _outbox = outbox;
        _eventSink = eventSink;
        _pseudonymizer = pseudonymizer;
        _guard = guard;
        _kiosk = kiosk;
        _scans = scans;
        _printer = printer;
        _jobs = profile is null ? null : new ReceiptJobBuilder(profile);
        _receipts = receipts.Value;
        _kioskOptions = kioskOptions.Value;
        _cardPattern = string.IsNullOrEmpty(scanner.Value.PatronCardPattern) ? null : new Regex($"^(?:{scanner.Value.PatronCardPattern})$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        _time = time;
        _logger = logger;
        _scans.Scanned += OnScanned;
    }

    public ICirculationKiosk Kiosk => _kiosk;

    public Task<SignInResult> SignInAsync(string card, SignInMethod method, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // Only enough for the receipt's "...1234": PatronDisplayName shows at most four characters, always fewer than
            // it is given, so it is given five.
            _cardSuffix = card.Length <= PatronDisplayName.MaxCardCharacters + 1 ? card : card[^(PatronDisplayName.MaxCardCharacters + 1)..];

            // No event may carry the card number: the outbox refuses any that does, for as long as this card is in use.
            _guardScope?.Dispose();
            _guardScope = _guard?.Protect(card);
        }

        if (_eventSink is not null && _pseudonymizer is { Enabled: true })
        {
            _eventSink.PendingPseudonym = _pseudonymizer.Pseudonymize(card);
        }

        return _kiosk.SignInAsync(card, method, cancellationToken);
    }

    /// <summary>
    /// Whether the kiosk must refuse transactions: its outbox is full, and a loan or return whose record could not be
    /// kept must not happen (issue 6: transactions are never dropped).
    /// </summary>
    public bool Maintenance => _maintenance?.On ?? false;

    public bool OutOfOrder => _outbox?.Status.State == global::Kiosk.Events.Outbox.OutboxState.Full;

    public async Task<TransactionResult> BorrowAsync(string? language, CancellationToken cancellationToken) =>
        await FinishAsync(await _kiosk.ConfirmBorrowAsync(cancellationToken).ConfigureAwait(false), language, cancellationToken).ConfigureAwait(false);

    public async Task<TransactionResult> ReturnAsync(string? language, CancellationToken cancellationToken) =>
        await FinishAsync(await _kiosk.ReturnAsync(cancellationToken).ConfigureAwait(false), language, cancellationToken).ConfigureAwait(false);

    public async Task<TransactionResult> RenewAsync(string itemId, string? language, CancellationToken cancellationToken) =>
        await FinishAsync([await _kiosk.RenewAsync(itemId, cancellationToken).ConfigureAwait(false)], language, cancellationToken).ConfigureAwait(false);

    public async Task<TransactionResult> RenewAllAsync(string? language, CancellationToken cancellationToken) =>
        await FinishAsync(await _kiosk.RenewAllAsync(cancellationToken).ConfigureAwait(false), language, cancellationToken).ConfigureAwait(false);

    /// <summary>Prints the last transaction's receipt: the patron said yes, or asks again after printer trouble.</summary>
    public async Task<ReceiptState> PrintLastReceiptAsync(CancellationToken cancellationToken)
    {
        Receipt? receipt;
        lock (_gate)
        {
            receipt = _lastReceipt;
        }

        return receipt is null
            ? new ReceiptState(PolicyName, false, "nothing to print")
            : await PrintAsync(receipt, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _scans.Scanned -= OnScanned;
        _guardScope?.Dispose();
    }

    private string PolicyName => _printer is null ? "no" : _receipts.Policy.ToString().ToLowerInvariant();

    private async Task<TransactionResult> FinishAsync(IReadOnlyList<ItemOutcome> outcomes, string? language, CancellationToken cancellationToken)
    {
        var receipt = BuildReceipt(outcomes, language);
        lock (_gate)
        {
            _lastReceipt = receipt;
        }

        var state = receipt is null || _printer is null || _receipts.Policy == ReceiptPolicy.No
            ? new ReceiptState(PolicyName, false, null)
            : _receipts.Policy == ReceiptPolicy.Always
                ? await PrintAsync(receipt, cancellationToken).ConfigureAwait(false)
                : new ReceiptState(PolicyName, null, null);
        return new TransactionResult(outcomes, state);
    }

    private Receipt? BuildReceipt(IReadOnlyList<ItemOutcome> outcomes, string? language)
    {
        var done = outcomes.Where(outcome => outcome.Succeeded).ToList();
        if (done.Count == 0)
        {
            return null;
        }

        string suffix;
        lock (_gate)
        {
            suffix = _cardSuffix;
        }

        return new Receipt
        {
            LibraryName = _kioskOptions.LibraryName,
            Address = _receipts.Address,
            // A return needs no card, so its receipt names nobody ("-" shows no characters).
            Patron = PatronDisplayName.Create(null, done.Any(outcome => outcome.Operation != CirculationOperation.Return) && suffix.Length > 0 ? suffix : "-"),
            Items = [.. done.Select(outcome => outcome.Operation == CirculationOperation.Return || outcome.DueDate is null
                ? ReceiptItem.Returned(outcome.Title ?? outcome.ItemId)
                : ReceiptItem.Borrowed(outcome.Title ?? outcome.ItemId, DateOnly.FromDateTime(outcome.DueDate.Value.Date)))],
            PrintedAt = _time.GetLocalNow(),
            Language = language == "en" ? ReceiptLanguage.English : ReceiptLanguage.Vietnamese,
        };
    }

    private async Task<ReceiptState> PrintAsync(Receipt receipt, CancellationToken cancellationToken)
    {
        if (_printer is null || _jobs is null)
        {
            return new ReceiptState(PolicyName, false, "no printer");
        }

        // Printer trouble never blocks a loan: the loan is already done, the wait is bounded, and a failure only says so.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_receipts.PrintTimeout);
        try
        {
            var result = await _printer.PrintAsync(_jobs.Build(receipt), timeout.Token).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                Log.ReceiptNotPrinted(_logger, result.Message ?? result.Code.ToString());
            }

            return new ReceiptState(PolicyName, result.Succeeded, result.Succeeded ? null : result.Message ?? result.Code.ToString());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Log.ReceiptNotPrinted(_logger, "the printer did not finish in time");
            return new ReceiptState(PolicyName, false, "timeout");
        }
    }

    private void OnScanned(object? sender, string code) => _ = HandleScanAsync(code);

    private async Task HandleScanAsync(string code)
    {
        try
        {
            var state = _kiosk.Snapshot.State;
            var isCard = _cardPattern?.IsMatch(code) ?? state is SessionState.NoSession or SessionState.AwaitingPin;
            if (isCard)
            {
                await SignInAsync(code, SignInMethod.Barcode, CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                await _kiosk.ScanItemAsync(code, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or Sip2Exception or ArgumentException)
        {
            // The screen shows the session as it is; the scan is simply not taken. Never log the code: it may be a card.
            Log.ScanNotTaken(_logger, code.Length, ex.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Receipt not printed ({Reason}); the patron was told it can be printed later")]
        public static partial void ReceiptNotPrinted(ILogger logger, string reason);

        [LoggerMessage(2, LogLevel.Information, "A scanned code of {Length} characters was not taken: {Reason}")]
        public static partial void ScanNotTaken(ILogger logger, int length, string reason);
    }
}
