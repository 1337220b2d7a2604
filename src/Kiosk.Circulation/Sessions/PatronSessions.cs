using System.Text.RegularExpressions;
using Kiosk.Circulation.Availability;
using Kiosk.Circulation.DomainEvents;
using Kiosk.Circulation.Pad;
using Kiosk.Ils;
using Kiosk.Circulation.Transactions;
using Kiosk.Protocols.Sip2.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Circulation.Sessions;

/// <summary>
/// Who is signed in: the card, its PIN, and the idle timeout. One session at a time; another card ends it. The card
/// number and PIN stay in memory here for the session's requests and never reach a log or an event.
/// </summary>
internal sealed partial class PatronSessions : IDisposable
{
    private readonly CirculationOptions _options;
    private readonly ISip2Client _ils;
    private readonly IlsAvailability _availability;
    private readonly PadModel _pad;
    private readonly TransactionProgress _progress;
    private readonly ISessionEndParticipant[] _participants;
    private readonly IPatronPrivacy _privacy;
    private readonly CirculationEventHub _events;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Regex[] _offlineCardPatterns;
    private readonly ITimer _idleTimer;
    private readonly Lock _sync = new();
    private PatronSession? _session;
    private PendingSignIn? _pending;

    public PatronSessions(
        IOptions<CirculationOptions> options,
        ISip2Client ils,
        IlsAvailability availability,
        PadModel pad,
        TransactionProgress progress,
        IEnumerable<ISessionEndParticipant> participants,
        IPatronPrivacy privacy,
        CirculationEventHub events,
        TimeProvider timeProvider,
        ILogger<PatronSessions> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _ils = ils;
        _availability = availability;
        _pad = pad;
        _progress = progress;
        _participants = [.. participants];
        _privacy = privacy;
        _events = events;
        _time = timeProvider;
        _logger = logger;
        _offlineCardPatterns = [.. _options.OfflineCardPatterns.Select(pattern =>
            new Regex("^(?:" + pattern + ")$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)))];
        _idleTimer = timeProvider.CreateTimer(_ => OnIdleTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The signed-in patron, or null.</summary>
    public PatronSession? Current
    {
        get
        {
            lock (_sync)
            {
                return _session;
            }
        }
    }

    /// <summary>Where the session stands, for the screen.</summary>
    public SessionView View
    {
        get
        {
            lock (_sync)
            {
                var state = _session is null
                    ? _pending is null ? SessionState.NoSession : SessionState.AwaitingPin
                    : _session.IdleWarningEndsAt is null ? SessionState.Active : SessionState.IdleWarning;
                return new SessionView(
                    state,
                    _session?.Id,
                    _session?.IdleWarningEndsAt,
                    _session?.Blocks ?? _pending?.Blocks ?? [],
                    _session?.Summary,
                    _pending is null ? null : new PendingSignInSummary(CardEnding(_pending.CardNumber), _options.MaxPinAttempts - _pending.WrongAttempts));
            }
        }
    }

    /// <summary>Signs a patron in with a card number from the scanner, an RFID card or the screen. Another session in progress ends.</summary>
    public async Task<SignInResult> SignInAsync(string cardNumber, SignInMethod method, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cardNumber);
        cardNumber = Normalize(cardNumber);
        PatronSession? previous;
        PendingSignIn? abandoned;
        lock (_sync)
        {
            previous = _session;
            abandoned = _pending;
            _pending = null;
        }

        abandoned?.Protection.Dispose();
        if (previous is not null)
        {
            if (previous.CardNumber == cardNumber)
            {
                KeepAlive();
                return new SignInResult(SignInStatus.SignedIn, null, previous.Blocks, previous.Offline, Patron: previous.Summary);
            }

            await EndAsync(SessionEndReason.AnotherCard, cancellationToken).ConfigureAwait(false);
        }

        PatronInformationResponse info;
        try
        {
            if (_ils.Status == Sip2LinkStatus.Offline)
            {
                return await StartOfflineAsync(cardNumber, method).ConfigureAwait(false);
            }

            info = await _ils.PatronInformationAsync(cardNumber, cancellationToken: cancellationToken).ConfigureAwait(false);
            await _availability.AnsweredAsync().ConfigureAwait(false);
        }
        catch (Sip2Exception ex) when (ex.Kind != Sip2FailureKind.Cancelled)
        {
            await _availability.FailedAsync(ex).ConfigureAwait(false);
            return await StartOfflineAsync(cardNumber, method).ConfigureAwait(false);
        }

        if (info.ValidPatron == false)
        {
            return await RefuseAsync(RefusalReason.PatronNotFound, []).ConfigureAwait(false);
        }

        var blocks = PatronBlocks.From(info.PatronStatus);
        if (PatronBlocks.StopsSignIn(blocks))
        {
            return await RefuseAsync(RefusalReason.PatronBlocked, blocks).ConfigureAwait(false);
        }

        var pinNeeded = _options.PinRequirement switch
        {
            PinRequirement.Always => true,
            PinRequirement.Never => false,

            // Without AD, an ILS that checks passwords answers CQ = N (spec, "valid patron password"); one that does not omits CQ.
            _ => info.ValidPatronPassword == false,
        };
        if (!pinNeeded)
        {
            return await StartAsync(cardNumber, null, method, info, offline: false).ConfigureAwait(false);
        }

        lock (_sync)
        {
            _pending = new PendingSignIn(cardNumber, method, blocks, _privacy.Protect(cardNumber));

            // A patron who walks away at the PIN prompt must not leave the card waiting for the next person to guess.
            _idleTimer.Change(_options.IdleWarningAfter + _options.IdleGrace, Timeout.InfiniteTimeSpan);
        }

        await _events.PublishAsync(new PinRequested(1, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return new SignInResult(SignInStatus.PinRequired, null, blocks, false, _options.MaxPinAttempts);
    }

    /// <summary>Checks the PIN of the card awaiting one (Patron Information, 63 with AD; the ILS answers in CQ).</summary>
    public async Task<CirculationResult<SignInResult>> SubmitPinAsync(string pin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pin);
        PendingSignIn? pending;
        lock (_sync)
        {
            pending = _pending;
        }

        if (pending is null)
        {
            return CirculationResult.Not<SignInResult>(CirculationResultCode.NoSession);
        }

        PatronInformationResponse info;
        try
        {
            info = await _ils.PatronInformationAsync(pending.CardNumber, pin, cancellationToken: cancellationToken).ConfigureAwait(false);
            await _availability.AnsweredAsync().ConfigureAwait(false);
        }
        catch (Sip2Exception ex) when (ex.Kind != Sip2FailureKind.Cancelled)
        {
            await _availability.FailedAsync(ex).ConfigureAwait(false);
            Withdraw(pending);
            return CirculationResult.Ok<SignInResult>(await RefuseAsync(RefusalReason.IlsUnreachable, pending.Blocks).ConfigureAwait(false));
        }

        if (info.ValidPatronPassword != true)
        {
            return CirculationResult.Ok<SignInResult>(await WrongPinAsync(pending).ConfigureAwait(false));
        }

        lock (_sync)
        {
            if (_pending != pending)
            {
                // Withdrawn meanwhile (another card, the idle timeout): this PIN signs nobody in.
                return CirculationResult.Not<SignInResult>(CirculationResultCode.NoSession);
            }

            _pending = null;
        }

        pending.Protection.Dispose();
        return CirculationResult.Ok<SignInResult>(await StartAsync(pending.CardNumber, pin, pending.Method, info, offline: false).ConfigureAwait(false));
    }

    /// <summary>The patron touched the screen: the idle countdown starts again, and a showing idle warning goes away.</summary>
    public void KeepAlive()
    {
        lock (_sync)
        {
            if (_session is null)
            {
                return;
            }

            _session.IdleWarningEndsAt = null;
            _idleTimer.Change(_options.IdleWarningAfter, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Ends the session at the patron's request; names the books left on the pad that it did not borrow.</summary>
    public Task<SessionEndResult> EndSessionAsync(CancellationToken cancellationToken = default) => EndAsync(SessionEndReason.Patron, cancellationToken);

    public void Dispose() => _idleTimer.Dispose();

    /// <summary>Counts a book lent in the session against the limit the patron was told at sign-in.</summary>
    public void CountLoan(PatronSession session)
    {
        lock (_sync)
        {
            session.Loans++;
        }
    }

    /// <summary>Takes one off-line loan from the session's allowance; false when it is spent.</summary>
    public bool TryTakeOfflineLoan(PatronSession session)
    {
        lock (_sync)
        {
            if (session.OfflineLoans >= _options.OfflineMaxItems)
            {
                return false;
            }

            session.OfflineLoans++;
            return true;
        }
    }

    private string Normalize(string cardNumber)
    {
        var trimmed = cardNumber.Trim();
        return _options.CardNumberCase switch
        {
            CardNumberCase.Upper => trimmed.ToUpperInvariant(),
            CardNumberCase.Lower => trimmed.ToLowerInvariant(),
            _ => trimmed,
        };
    }

    private static string CardEnding(string cardNumber) => cardNumber.Length <= 4 ? cardNumber : cardNumber[^4..];
}
