using System.Globalization;
using Kiosk.Circulation.DomainEvents;
using Kiosk.Protocols.Sip2.Messages;
using Microsoft.Extensions.Logging;

namespace Kiosk.Circulation.Sessions;

/// <summary>The sessions' lifetime: how one starts, is refused, and ends (by the patron, another card or the idle timeout).</summary>
internal sealed partial class PatronSessions
{
    private async Task<SignInResult> StartOfflineAsync(string cardNumber, SignInMethod method)
    {
        if (!_options.OfflineLoansAllowed)
        {
            return await RefuseAsync(RefusalReason.IlsUnreachable, []).ConfigureAwait(false);
        }

        if (!_offlineCardPatterns.Any(pattern => pattern.IsMatch(cardNumber)))
        {
            return await RefuseAsync(RefusalReason.UnknownCardFormat, []).ConfigureAwait(false);
        }

        return await StartAsync(cardNumber, null, method, null, offline: true).ConfigureAwait(false);
    }

    private async Task<SignInResult> StartAsync(string cardNumber, string? pin, SignInMethod method, PatronInformationResponse? info, bool offline)
    {
        var blocks = info is null ? [] : PatronBlocks.From(info.PatronStatus);
        var summary = Summarize(cardNumber, info, blocks, offline);
        var session = new PatronSession(Guid.NewGuid(), cardNumber, pin, blocks, summary, _privacy.Protect(cardNumber));
        var pseudonym = _privacy.Pseudonymize(cardNumber);
        lock (_sync)
        {
            _session = session;
            _pending = null;
            _idleTimer.Change(_options.IdleWarningAfter, Timeout.InfiniteTimeSpan);
        }

        Log.SessionStarted(_logger, session.Id, method, offline);
        await _events.PublishAsync(new SessionStarted(session.Id, method, offline, pseudonym, _time.GetUtcNow())).ConfigureAwait(false);
        return new SignInResult(SignInStatus.SignedIn, null, blocks, offline, Patron: summary);
    }

    private async Task<SignInResult> RefuseAsync(RefusalReason reason, IReadOnlyList<PatronBlock> blocks)
    {
        Log.SignInRefused(_logger, reason);
        await _events.PublishAsync(new SignInRefused(reason, blocks, _time.GetUtcNow())).ConfigureAwait(false);
        return new SignInResult(SignInStatus.Refused, reason, blocks, !_availability.IsReachable);
    }

    private async Task<SignInResult> WrongPinAsync(PendingSignIn pending)
    {
        int left;
        lock (_sync)
        {
            pending.WrongAttempts++;
            left = _options.MaxPinAttempts - pending.WrongAttempts;
            if (left <= 0)
            {
                if (_pending == pending)
                {
                    _pending = null;
                }
            }
            else
            {
                _idleTimer.Change(_options.IdleWarningAfter + _options.IdleGrace, Timeout.InfiniteTimeSpan);
            }
        }

        if (left > 0)
        {
            await _events.PublishAsync(new PinRequested(pending.WrongAttempts + 1, _time.GetUtcNow())).ConfigureAwait(false);
        }
        else
        {
            pending.Protection.Dispose();
            await _events.PublishAsync(new PinPromptWithdrawn(_time.GetUtcNow())).ConfigureAwait(false);
        }

        await _events.PublishAsync(new SignInRefused(RefusalReason.PinWrong, [], _time.GetUtcNow())).ConfigureAwait(false);
        return new SignInResult(SignInStatus.Refused, RefusalReason.PinWrong, pending.Blocks, false, Math.Max(left, 0));
    }

    private void Withdraw(PendingSignIn pending)
    {
        lock (_sync)
        {
            if (_pending == pending)
            {
                _pending = null;
            }
        }

        pending.Protection.Dispose();
    }

    private async Task<SessionEndResult> EndAsync(SessionEndReason reason, CancellationToken cancellationToken)
    {
        PatronSession? session;
        PendingSignIn? pending;
        lock (_sync)
        {
            session = _session;
            pending = _pending;
            _session = null;
            _pending = null;
            _idleTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        pending?.Protection.Dispose();
        if (session is null)
        {
            return new SessionEndResult([]);
        }

        foreach (var participant in _participants)
        {
            await participant.SessionEndingAsync(session.Id, cancellationToken).ConfigureAwait(false);
        }

        var left = _pad.SessionEnded(session.Id);
        if (!session.Offline && _availability.IsReachable)
        {
            try
            {
                await _ils.EndPatronSessionAsync(session.CardNumber, session.Pin, cancellationToken).ConfigureAwait(false);
            }
            catch (Kiosk.Ils.Sip2Exception ex)
            {
                // End Patron Session (35) only lets the ILS tidy up; the kiosk's session is over either way.
                Log.EndSessionNotSent(_logger, ex.Message);
            }
        }

        session.Protection.Dispose();
        Log.SessionEnded(_logger, session.Id, reason);
        await _events.PublishAsync(new SessionEnded(session.Id, reason, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return new SessionEndResult(left);
    }

    private void OnIdleTimer()
    {
        PendingSignIn? abandoned = null;
        Guid warned = Guid.Empty;
        DateTimeOffset endsAt = default;
        var end = false;
        lock (_sync)
        {
            if (_session is null)
            {
                abandoned = _pending;
                _pending = null;
            }
            else if (_progress.IsRunning)
            {
                // A loan or return in progress is activity: look again after another idle period.
                _idleTimer.Change(_options.IdleWarningAfter, Timeout.InfiniteTimeSpan);
            }
            else if (_session.IdleWarningEndsAt is not null)
            {
                end = true;
            }
            else
            {
                endsAt = _time.GetUtcNow() + _options.IdleGrace;
                _session.IdleWarningEndsAt = endsAt;
                warned = _session.Id;
                _idleTimer.Change(_options.IdleGrace, Timeout.InfiniteTimeSpan);
            }
        }

        if (abandoned is not null)
        {
            abandoned.Protection.Dispose();
            Log.PinPromptAbandoned(_logger);
            _ = _events.PublishAsync(new PinPromptWithdrawn(_time.GetUtcNow())).AsTask();
        }
        else if (warned != Guid.Empty)
        {
            _ = _events.PublishAsync(new SessionIdleWarning(warned, endsAt, _time.GetUtcNow())).AsTask();
        }
        else if (end)
        {
            _ = EndOnIdleAsync();
        }
    }

    private async Task EndOnIdleAsync()
    {
        try
        {
            await EndAsync(SessionEndReason.IdleTimeout, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A timer callback has no caller to throw to; a failure is logged and the kiosk goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.IdleEndFailed(_logger, ex.Message);
        }
    }

    private static PatronSummary Summarize(string cardNumber, PatronInformationResponse? info, IReadOnlyList<PatronBlock> blocks, bool offline)
    {
        var loansLeft = info?.ChargedItemsLimit is { } limit && info.ChargedItemsCount is { } charged ? Math.Max(0, limit - charged) : (int?)null;
        var cannot = PatronBlocks.StopsBorrowing(blocks) ?? (loansLeft == 0 ? PatronBlock.TooManyItemsCharged : null);
        var fines = decimal.TryParse(info?.FeeAmount, NumberStyles.Number, CultureInfo.InvariantCulture, out var owed) && owed > 0 ? owed : (decimal?)null;
        return new PatronSummary(
            GivenName(info?.PersonalName),
            CardEnding(cardNumber),
            cannot is null,
            cannot,
            loansLeft,
            info?.HoldItemsCount ?? 0,
            fines,
            info?.CurrencyType,
            offline);
    }

    /// <summary>
    /// The name to greet a patron by. A Vietnamese name is written family name first and given name last ("Nguyễn Văn
    /// An" → "An"); an ILS that writes "Family, Given" (Koha's default display, many MARC-derived systems) gives the
    /// part after the comma.
    /// </summary>
    internal static string? GivenName(string? personalName)
    {
        if (string.IsNullOrWhiteSpace(personalName))
        {
            return null;
        }

        var comma = personalName.IndexOf(',', StringComparison.Ordinal);
        var given = comma >= 0 ? personalName[(comma + 1)..].Trim() : personalName.Trim();
        var words = given.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return null;
        }

        return comma >= 0 ? words[0] : words[^1];
    }
}
