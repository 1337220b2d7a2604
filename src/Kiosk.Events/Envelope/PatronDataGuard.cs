using System.Text;
using System.Text.Json;

namespace Kiosk.Events.Envelope;

/// <summary>
/// The last check before an event is committed: it refuses any event whose serialized JSON carries a protected value
/// (the current patron's identifier, name or PIN, registered by the host while the session lasts) or a member named like
/// a patron identifier. The data records carry no such field, so this guards against a mapping mistake in the host.
/// </summary>
public sealed class PatronDataGuard
{
    // Member names that must never appear in an event, whatever their value (compared without case).
    private static readonly string[] s_forbiddenMembers =
        ["patronId", "patronIdentifier", "patronName", "patronBarcode", "cardNumber", "pin", "password", "personalName"];

    // Values shorter than this (PINs) are matched only as a whole JSON value: "1234" inside "2026-12-34T…" is no leak.
    private const int SubstringMatchMinimumLength = 6;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _protected = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Protects <paramref name="values"/> (patron identifier, PIN, name…) until the returned handle is disposed, at the
    /// end of the session. Null or blank values are ignored.
    /// </summary>
    public IDisposable Protect(params string?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var added = values.Where(value => !string.IsNullOrWhiteSpace(value)).Select(value => value!.Trim()).ToArray();
        lock (_gate)
        {
            foreach (var value in added)
            {
                _protected[value] = _protected.GetValueOrDefault(value) + 1;
            }
        }

        return new Registration(this, added);
    }

    /// <summary>Throws when <paramref name="utf8Json"/> carries a protected value or a patron member.</summary>
    /// <exception cref="PatronDataLeakException">The event would leak patron data; the message names the event type and
    /// the member, never the value.</exception>
    public void Check(ReadOnlySpan<byte> utf8Json, string eventType)
    {
        string[] protectedValues;
        lock (_gate)
        {
            protectedValues = [.. _protected.Keys];
        }

        var reader = new Utf8JsonReader(utf8Json);
        var member = "";
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    member = reader.GetString() ?? "";
                    if (s_forbiddenMembers.Any(name => string.Equals(name, member, StringComparison.OrdinalIgnoreCase)))
                    {
                        throw new PatronDataLeakException(
                            $"Event {eventType} has a member '{member}', which may carry patron data; events carry at most the salted pseudonym (PatronPseudonym).");
                    }

                    break;
                case JsonTokenType.String or JsonTokenType.Number:
                    if (protectedValues.Length > 0)
                    {
                        var text = reader.TokenType == JsonTokenType.String
                            ? reader.GetString() ?? ""
                            : Encoding.UTF8.GetString(reader.ValueSpan);
                        foreach (var value in protectedValues)
                        {
                            var leaks = value.Length >= SubstringMatchMinimumLength
                                ? text.Contains(value, StringComparison.OrdinalIgnoreCase)
                                : string.Equals(text, value, StringComparison.OrdinalIgnoreCase);
                            if (leaks)
                            {
                                throw new PatronDataLeakException(
                                    $"Event {eventType} carries the current patron's identifier, name or PIN in '{member}'; map the patron to PatronPseudonym instead. The event was not stored.");
                            }
                        }
                    }

                    break;
            }
        }
    }

    private void Release(string[] values)
    {
        lock (_gate)
        {
            foreach (var value in values)
            {
                if (_protected.TryGetValue(value, out var count))
                {
                    if (count <= 1)
                    {
                        _protected.Remove(value);
                    }
                    else
                    {
                        _protected[value] = count - 1;
                    }
                }
            }
        }
    }

    private sealed class Registration(PatronDataGuard guard, string[] values) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                guard.Release(values);
            }
        }
    }
}
