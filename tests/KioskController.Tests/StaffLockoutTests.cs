using Kiosk.Events.Model;
using Kiosk.Events.Outbox;
using KioskController.Api.Staff;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace KioskController.Tests;

/// <summary>The staff code's lockout on a fake clock: each lockout doubles up to the maximum, and a right code starts over.</summary>
public sealed class StaffLockoutTests
{
    [Fact]
    public async Task Each_lockout_lasts_twice_the_one_before_up_to_the_maximum_and_is_recorded()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero));
        var outbox = new RecordingOutbox();
        var access = new StaffAccess(Microsoft.Extensions.Options.Options.Create(new StaffOptions
        {
            AccessCode = "4821",
            MaxWrongCodes = 2,
            LockoutDuration = TimeSpan.FromMinutes(1),
            MaxLockoutDuration = TimeSpan.FromMinutes(5),
        }), clock, outbox, NullLogger<StaffAccess>.Instance);

        var durations = new List<TimeSpan>();
        for (var lockout = 1; lockout <= 5; lockout++)
        {
            Assert.Equal(StaffAccessResult.WrongCode, await access.CheckAsync("0000"));
            Assert.Equal(StaffAccessResult.WrongCode, await access.CheckAsync("1111"));
            var until = access.LockedUntil ?? throw new InvalidOperationException("not locked out");
            durations.Add(until - clock.GetUtcNow());
            clock.Advance(until - clock.GetUtcNow() - TimeSpan.FromSeconds(1));
            Assert.Equal(StaffAccessResult.LockedOut, await access.CheckAsync("4821"));
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal([1, 2, 4, 5, 5], durations.Select(duration => duration.TotalMinutes));
        var events = outbox.Appended.Cast<StaffLockedOutData>().ToArray();
        Assert.Equal([1, 2, 3, 4, 5], events.Select(data => data.Lockout));
        Assert.Equal(10, events[^1].WrongCodes);

        // A right code starts the doubling over.
        Assert.Equal(StaffAccessResult.Granted, await access.CheckAsync("4821"));
        await access.CheckAsync("0000");
        await access.CheckAsync("0000");
        Assert.Equal(TimeSpan.FromMinutes(1), access.LockedUntil - clock.GetUtcNow());
    }

    /// <summary>Keeps what the staff access appends; the outbox's own storage is tested in Kiosk.Events.Tests.</summary>
    private sealed class RecordingOutbox : IEventOutbox
    {
        public List<KioskEventData> Appended { get; } = [];

        public OutboxStatus Status => throw new NotSupportedException();

        public ValueTask<OutboxReceipt> AppendAsync(KioskEventData data, CancellationToken cancellationToken = default)
        {
            Appended.Add(data);
            return ValueTask.FromResult(new OutboxReceipt($"e{Appended.Count}", Appended.Count, Stored: true));
        }
    }
}
