using System.Security.Cryptography;
using System.Text;
using Kiosk.Events.Model;
using Kiosk.Events.Outbox;
using Microsoft.Extensions.Options;

namespace KioskController.Api.Staff;

/// <summary>
/// Checks the staff access code. The comparison takes the same time however much of a guess is right. After
/// <see cref="StaffOptions.MaxWrongCodes"/> wrong codes in a row every code is refused for
/// <see cref="StaffOptions.LockoutDuration"/>, doubled at each further lockout up to
/// <see cref="StaffOptions.MaxLockoutDuration"/>, until a right code; each lockout is published as <c>staff.locked-out</c>.
/// Codes are never logged or published.
/// </summary>
internal sealed class StaffAccess(IOptions<StaffOptions> options, TimeProvider timeProvider, IEventOutbox outbox, ILogger<StaffAccess> logger)
{
    private readonly Lock _sync = new();
    private int _wrongInARow;
    private int _lockoutsInARow;
    private int _wrongTotal;
    private int _lockoutsTotal;
    private DateTimeOffset _lockedUntil = DateTimeOffset.MinValue;

    /// <summary>When codes are accepted again, while locked out.</summary>
    public DateTimeOffset? LockedUntil
    {
        get
        {
            lock (_sync)
            {
                return timeProvider.GetUtcNow() < _lockedUntil ? _lockedUntil : null;
            }
        }
    }

    /// <summary>Decides about <paramref name="code"/>, counting it towards the lockout when wrong.</summary>
    public async ValueTask<StaffAccessResult> CheckAsync(string? code, CancellationToken cancellationToken = default)
    {
        var (result, lockout) = Check(code);
        if (lockout is not null)
        {
            try
            {
                await outbox.AppendAsync(lockout, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OutboxFullException or System.Data.Common.DbException or IOException)
            {
                // The lockout itself stands; only its report to the central system is lost, and the log says so.
                Log.LockoutEventNotRecorded(logger, exception.Message);
            }
        }

        return result;
    }

    private (StaffAccessResult Result, StaffLockedOutData? Lockout) Check(string? code)
    {
        var settings = options.Value;
        lock (_sync)
        {
            var now = timeProvider.GetUtcNow();
            if (now < _lockedUntil)
            {
                return (StaffAccessResult.LockedOut, null);
            }

            var expected = Encoding.UTF8.GetBytes(settings.AccessCode);
            var given = Encoding.UTF8.GetBytes(code ?? string.Empty);
            if (given.Length == expected.Length && CryptographicOperations.FixedTimeEquals(given, expected))
            {
                _wrongInARow = 0;
                _lockoutsInARow = 0;
                return (StaffAccessResult.Granted, null);
            }

            _wrongInARow++;
            _wrongTotal++;
            if (_wrongInARow < settings.MaxWrongCodes)
            {
                Log.WrongStaffCode(logger, _wrongInARow, settings.MaxWrongCodes, _wrongTotal);
                return (StaffAccessResult.WrongCode, null);
            }

            _wrongInARow = 0;
            _lockoutsInARow++;
            _lockoutsTotal++;
            var duration = LockoutDuration(settings, _lockoutsInARow);
            _lockedUntil = now + duration;
            Log.StaffLockedOut(logger, settings.MaxWrongCodes, duration, _lockoutsInARow, _wrongTotal, _lockoutsTotal);
            return (StaffAccessResult.WrongCode, new StaffLockedOutData(_lockoutsInARow, _wrongTotal, duration, _lockedUntil));
        }
    }

    /// <summary>The first lockout's duration doubled for each one before it, never past the maximum.</summary>
    private static TimeSpan LockoutDuration(StaffOptions settings, int lockout)
    {
        var doublings = Math.Min(lockout - 1, 30);
        var ticks = settings.LockoutDuration.Ticks * (double)(1L << doublings);
        return ticks >= settings.MaxLockoutDuration.Ticks ? settings.MaxLockoutDuration : TimeSpan.FromTicks((long)ticks);
    }
}
