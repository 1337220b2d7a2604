using Kiosk.Devices.Transports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Devices.Rfid;

/// <summary>
/// The kiosk's readers, one <see cref="RfidReaderService"/> per profile in <see cref="RfidReadersOptions.ProfileDirectory"/>.
/// This is the composition root of the readers: the only place that turns a profile's port name into a
/// <see cref="SerialPortTransport"/>. The hosted service registered by <c>AddRfidReaders</c> starts and stops them.
/// </summary>
public sealed class RfidReaderRegistry
{
    private readonly Dictionary<string, RfidReaderService> _byName;

    /// <summary>Loads every profile and creates its service; nothing is opened yet.</summary>
    /// <exception cref="RfidReaderProfileException">A profile is missing or wrong; the message lists every problem.</exception>
    public RfidReaderRegistry(IOptions<RfidReadersOptions> options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var settings = options.Value;
        Readers = [.. RfidReaderProfileLoader.LoadAll(settings.ProfileDirectory).Select(profile => new RfidReaderService(
            profile,
            new SerialPortTransport(RfidReaderFactory.CreateTransportOptions(profile), timeProvider, loggerFactory.CreateLogger<SerialPortTransport>()),
            settings.Presence,
            settings.Reconnect,
            timeProvider,
            loggerFactory))];
        _byName = Readers.ToDictionary(reader => reader.Name, StringComparer.Ordinal);
    }

    /// <summary>Every reader, in profile file order.</summary>
    public IReadOnlyList<RfidReaderService> Readers { get; }

    /// <summary>The reader named <paramref name="name"/> in its profile.</summary>
    /// <exception cref="KeyNotFoundException">No profile has that name.</exception>
    public RfidReaderService Get(string name) =>
        _byName.TryGetValue(name, out var reader)
            ? reader
            : throw new KeyNotFoundException($"No reader profile is named '{name}'; the profiles name {string.Join(", ", _byName.Keys)}.");
}
