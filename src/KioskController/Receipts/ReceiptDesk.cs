using Kiosk.Devices.Printers;
using Kiosk.Protocols.Printing;
using Microsoft.Extensions.Options;

namespace KioskController.Receipts;

/// <summary>
/// The receipt of each finished loan, return or renewal, as the site's policy says (no, ask, always). It is made only
/// when something was lent, renewed or returned, names the patron by the card's last characters only, and printer
/// trouble never blocks a loan: the patron is told, and can print it again.
/// </summary>
internal sealed partial class ReceiptDesk(
    PatronSessions sessions,
    IOptions<ReceiptOptions> receipts,
    IOptions<KioskOptions> kioskOptions,
    TimeProvider time,
    ILogger<ReceiptDesk> logger,
    IReceiptPrinter? printer = null,
    PrinterProfile? profile = null)
{
    private readonly ReceiptJobBuilder? _jobs = profile is null ? null : new ReceiptJobBuilder(profile);
    private readonly Lock _sync = new();
    private Receipt? _lastReceipt;

    private string PolicyName => printer is null ? "no" : receipts.Value.Policy.ToString().ToLowerInvariant();

    /// <summary>
    /// The receipt of a finished transaction: null when nothing was lent, renewed or returned (nothing to ask about),
    /// otherwise printed at once, asked for, or not, by the site's policy.
    /// </summary>
    public async Task<ReceiptState?> FinishAsync(IReadOnlyList<ItemOutcome> outcomes, string? language, CancellationToken cancellationToken)
    {
        var receipt = Build(outcomes, language);
        lock (_sync)
        {
            _lastReceipt = receipt;
        }

        if (receipt is null)
        {
            return null;
        }

        return printer is null || receipts.Value.Policy == ReceiptPolicy.No
            ? new ReceiptState(PolicyName, false, null)
            : receipts.Value.Policy == ReceiptPolicy.Always
                ? await PrintAsync(receipt, cancellationToken).ConfigureAwait(false)
                : new ReceiptState(PolicyName, null, null);
    }

    /// <summary>Prints the last transaction's receipt: the patron said yes, or asks again after printer trouble.</summary>
    public async Task<ReceiptState> PrintLastAsync(CancellationToken cancellationToken)
    {
        Receipt? receipt;
        lock (_sync)
        {
            receipt = _lastReceipt;
        }

        return receipt is null
            ? new ReceiptState(PolicyName, false, "nothing to print")
            : await PrintAsync(receipt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Forgets the last receipt: the next patron cannot print the last one's.</summary>
    public void Forget()
    {
        lock (_sync)
        {
            _lastReceipt = null;
        }
    }

    private Receipt? Build(IReadOnlyList<ItemOutcome> outcomes, string? language)
    {
        var done = outcomes.Where(outcome => outcome.Succeeded).ToList();
        if (done.Count == 0)
        {
            return null;
        }

        // Only enough for the receipt's "...1234": PatronDisplayName shows at most four characters, always fewer than it
        // is given, so it is given five. A return needs no card, so its receipt names nobody ("-" shows no characters).
        var card = sessions.Current?.CardNumber;
        var suffix = card is null ? "-" : card.Length <= PatronDisplayName.MaxCardCharacters + 1 ? card : card[^(PatronDisplayName.MaxCardCharacters + 1)..];
        return new Receipt
        {
            LibraryName = kioskOptions.Value.LibraryName,
            Address = receipts.Value.Address,
            Patron = PatronDisplayName.Create(null, done.Any(outcome => outcome.Operation != CirculationOperation.Return) ? suffix : "-"),
            Items = [.. done.Select(outcome => outcome.Operation == CirculationOperation.Return || outcome.DueDay is null
                ? ReceiptItem.Returned(outcome.Title ?? outcome.ItemId)
                : ReceiptItem.Borrowed(outcome.Title ?? outcome.ItemId, outcome.DueDay.Value))],
            PrintedAt = time.GetLocalNow(),
            Language = language == "en" ? ReceiptLanguage.English : ReceiptLanguage.Vietnamese,
        };
    }

    private async Task<ReceiptState> PrintAsync(Receipt receipt, CancellationToken cancellationToken)
    {
        if (printer is null || _jobs is null)
        {
            return new ReceiptState(PolicyName, false, "no printer");
        }

        // Printer trouble never blocks a loan: the loan is already done, the wait is bounded, and a failure only says so.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(receipts.Value.PrintTimeout);
        try
        {
            var result = await printer.PrintAsync(_jobs.Build(receipt), timeout.Token).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                LogNotPrinted(logger, result.Message ?? result.Code.ToString());
            }

            return new ReceiptState(PolicyName, result.Succeeded, result.Succeeded ? null : result.Message ?? result.Code.ToString());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogNotPrinted(logger, "the printer did not finish in time");
            return new ReceiptState(PolicyName, false, "timeout");
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Receipt not printed ({Reason}); the patron was told it can be printed later")]
    private static partial void LogNotPrinted(ILogger logger, string reason);
}
