using Kiosk.Protocols.Sip2;

namespace Kiosk.Circulation;

/// <summary>
/// The library's own time zone (<c>Kiosk:TimeZone</c>), whatever zone the kiosk's operating system was left in: SIP2's
/// local times (spec, "date and time", four blanks for the zone) are the ILS's local time, and a due date is a day in
/// the library, not in the machine.
/// </summary>
public sealed class LibraryCalendar
{
    /// <summary>The zone of the libraries this kiosk was first built for.</summary>
    public const string DefaultTimeZone = "Asia/Ho_Chi_Minh";

    /// <summary>A calendar in <paramref name="zone"/>.</summary>
    public LibraryCalendar(TimeZoneInfo zone) => Zone = zone ?? throw new ArgumentNullException(nameof(zone));

    /// <summary>The library's zone.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>The calendar of <see cref="DefaultTimeZone"/>.</summary>
    public static LibraryCalendar Default { get; } = new(TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZone));

    /// <summary>The day <paramref name="instant"/> falls on in the library.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The instant a SIP2 date names: UTC when it says so, otherwise the library's local time. Null when absent or malformed.</summary>
    public DateTimeOffset? Parse(string? sip2Date)
    {
        // The spec leaves AH's format to the ACS; most (Koha, Evergreen, the simulator) write the 18-character SIP2 date.
        if (string.IsNullOrEmpty(sip2Date) || !Sip2Timestamp.TryParse(sip2Date, out var stamp, out _) || stamp.Value is not { } value)
        {
            return null;
        }

        return value.Kind == DateTimeKind.Utc
            ? new DateTimeOffset(value, TimeSpan.Zero)
            : new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), Zone.GetUtcOffset(DateTime.SpecifyKind(value, DateTimeKind.Unspecified)));
    }
}
