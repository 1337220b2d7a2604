using System.Text.RegularExpressions;
using Kiosk.Ils;
using Microsoft.Extensions.Options;

namespace KioskController.Bridges;

/// <summary>
/// Scanner → circulation: a scanned card signs in at once, from any screen; anything else joins the pad as a book
/// without a tag. Which is which: <see cref="ScannerOptions.PatronCardPattern"/>, or, without one, a card while nobody
/// is signed in and a book once someone is. The code is never logged: it may be a card number.
/// </summary>
internal sealed partial class ScannerBridge : IHostedService
{
    private readonly ScanFeed _scans;
    private readonly PatronSessions _sessions;
    private readonly PadModel _pad;
    private readonly Regex? _cardPattern;
    private readonly ILogger<ScannerBridge> _logger;

    public ScannerBridge(ScanFeed scans, PatronSessions sessions, PadModel pad, IOptions<ScannerOptions> scanner, ILogger<ScannerBridge> logger)
    {
        _scans = scans;
        _sessions = sessions;
        _pad = pad;
        _logger = logger;
        var pattern = scanner.Value.PatronCardPattern;
        _cardPattern = string.IsNullOrEmpty(pattern) ? null : new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _scans.Scanned += OnScanned;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _scans.Scanned -= OnScanned;
        return Task.CompletedTask;
    }

    private void OnScanned(object? sender, string code) => _ = HandleAsync(code);

    private async Task HandleAsync(string code)
    {
        try
        {
            var state = _sessions.View.State;
            var isCard = _cardPattern?.IsMatch(code) ?? state is SessionState.NoSession or SessionState.AwaitingPin;
            if (isCard)
            {
                await _sessions.SignInAsync(code, SignInMethod.Barcode, CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                await _pad.ScanInAsync(code, _sessions.Current?.Id, CancellationToken.None).ConfigureAwait(false);
                _sessions.KeepAlive();
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or Sip2Exception or ArgumentException or RegexMatchTimeoutException)
        {
            // The screen shows the session as it is; the scan is simply not taken. Never log the code: it may be a card.
            LogScanNotTaken(_logger, code.Length, ex.Message);
        }
    }

    [LoggerMessage(2, LogLevel.Information, "A scanned code of {Length} characters was not taken: {Reason}")]
    private static partial void LogScanNotTaken(ILogger logger, int length, string reason);
}
