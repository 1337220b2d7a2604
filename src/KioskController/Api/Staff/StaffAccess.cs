using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace KioskController.Api.Staff;

/// <summary>
/// Checks the staff access code. The comparison takes the same time however much of a guess is right, and after
/// <see cref="StaffOptions.MaxWrongCodes"/> wrong codes in a row every code is refused for
/// <see cref="StaffOptions.LockoutDuration"/>, so trying codes at the touch screen gets nowhere. Codes are never logged.
/// </summary>
internal sealed class StaffAccess(IOptions<StaffOptions> options, TimeProvider timeProvider, ILogger<StaffAccess> logger)
{
    private readonly Lock _gate = new();
    private int _wrongInARow;
    private DateTimeOffset _lockedUntil = DateTimeOffset.MinValue;

    /// <summary>When codes are accepted again, while locked out.</summary>
    public DateTimeOffset? LockedUntil
    {
        get
        {
            lock (_gate)
            {
                return timeProvider.GetUtcNow() < _lockedUntil ? _lockedUntil : null;
            }
        }
    }

    /// <summary>Decides about <paramref name="code"/>, counting it towards the lockout when wrong.</summary>
    public StaffAccessResult Check(string? code)
    {
        var settings = options.Value;
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            if (now < _lockedUntil)
            {
                return StaffAccessResult.LockedOut;
            }

            var expected = Encoding.UTF8.GetBytes(settings.AccessCode);
            var given = Encoding.UTF8.GetBytes(code ?? string.Empty);
            if (given.Length == expected.Length && CryptographicOperations.FixedTimeEquals(given, expected))
            {
                _wrongInARow = 0;
                return StaffAccessResult.Granted;
            }

            _wrongInARow++;
            if (_wrongInARow >= settings.MaxWrongCodes)
            {
                _wrongInARow = 0;
                _lockedUntil = now + settings.LockoutDuration;
                Log.StaffLockedOut(logger, settings.MaxWrongCodes, settings.LockoutDuration);
            }
            else
            {
                Log.WrongStaffCode(logger, _wrongInARow, settings.MaxWrongCodes);
            }

            return StaffAccessResult.WrongCode;
        }
    }
}
