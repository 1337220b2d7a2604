using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Kiosk.Events.Options;

namespace Kiosk.Events.Commands;

/// <summary>
/// Decides whether a command payload may run: well-formed, signed with the site's secret (see <see cref="CommandSigner"/>),
/// meant for this device and this command topic, issued within the allowed clock skew, with a nonce not seen before,
/// and allowed for its role. Checks run in that order, so nothing in an unsigned payload is trusted. It never throws for
/// anything in the payload: what cannot be read is refused as <c>malformed</c>.
/// </summary>
internal sealed class CommandAuthorizer
{
    private const int MinimumSecretLength = 32;
    private const string Expected = "expected {\"request\": {\"command\", \"device\", \"role\", \"issuedAt\", \"nonce\", …}, \"signature\": \"<hex HMAC-SHA256>\"}";

    private readonly byte[]? _secret;
    private readonly string _device;
    private readonly CommandOptions _options;
    private readonly TimeProvider _time;
    private readonly NonceCache _nonces = new(10_000);

    public CommandAuthorizer(CommandOptions options, string device, TimeProvider time)
    {
        _options = options;
        _device = device;
        _time = time;
        var secret = options.Secret;
        if (!string.IsNullOrEmpty(options.SecretFile))
        {
            try
            {
                secret = File.ReadLines(options.SecretFile).FirstOrDefault()?.Trim();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException(
                    $"Kiosk:Events:Commands:SecretFile {options.SecretFile} could not be read ({exception.Message}); check the path and its permissions.", exception);
            }
        }

        if (!string.IsNullOrEmpty(secret) && secret.Length < MinimumSecretLength)
        {
            throw new InvalidOperationException(
                $"Kiosk:Events:Commands:Secret must be at least {MinimumSecretLength} characters; generate one with `openssl rand -hex 32` and set it through the environment.");
        }

        _secret = string.IsNullOrEmpty(secret) ? null : Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>Whether a site secret is configured; without one every command is refused.</summary>
    public bool HasSecret => _secret is not null;

    public CommandDecision Decide(string topicCommand, ReadOnlyMemory<byte> payload)
    {
        // RFC 8259 §8.1: JSON between systems is UTF-8. System.Text.Json checks a string's bytes only when the string is
        // read, so a parse can succeed over bytes that a later read would throw on; check them all first.
        if (!Utf8.IsValid(payload.Span))
        {
            return CommandDecision.Refuse("malformed", $"The payload is not valid UTF-8 (RFC 8259 §8.1); {Expected}.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException exception)
        {
            return CommandDecision.Refuse("malformed", $"The payload is not JSON ({exception.Message}); {Expected}.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("request", out var request) || request.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("signature", out var signatureElement) || signatureElement.ValueKind != JsonValueKind.String)
            {
                return CommandDecision.Refuse("malformed", $"The payload lacks a request object or a signature string; {Expected}.");
            }

            if (_secret is null)
            {
                return CommandDecision.Refuse("no-secret", "This kiosk has no command secret configured (Kiosk:Events:Commands:Secret), so it runs no remote command.");
            }

            if (!TryReadString(signatureElement, out var signatureText))
            {
                return CommandDecision.Refuse("malformed", $"The signature holds an escape that is not valid UTF-16 (RFC 8259 §8.2); {Expected}.");
            }

            // The signature covers the request's bytes exactly as sent, read from the payload without transcoding.
            var expected = HMACSHA256.HashData(_secret, JsonMarshal.GetRawUtf8Value(request));
            byte[] given;
            try
            {
                given = Convert.FromHexString(signatureText);
            }
            catch (FormatException)
            {
                return CommandDecision.Refuse("bad-signature", "The signature is not hex; sign the request with HMAC-SHA256 and the site secret, written as hex.");
            }

            if (!CryptographicOperations.FixedTimeEquals(expected, given))
            {
                return CommandDecision.Refuse("bad-signature", "The signature does not match the request under this site's secret.");
            }

            if (!TryText(request, "command", out var command) | !TryText(request, "device", out var device)
                | !TryText(request, "role", out var role) | !TryText(request, "nonce", out var nonce)
                | !TryText(request, "issuedAt", out var issuedAtText) | !TryText(request, "replyTo", out var replyTo)
                | !TryText(request, "correlationId", out var correlationId))
            {
                return CommandDecision.Refuse("malformed", $"A string in the request holds an escape that is not valid UTF-16 (RFC 8259 §8.2); {Expected}.", role);
            }

            if (command is null || device is null || role is null || nonce is null || issuedAtText is null)
            {
                return CommandDecision.Refuse("malformed", $"The request lacks command, device, role, nonce or issuedAt; {Expected}.", role);
            }

            if (!DateTimeOffset.TryParse(issuedAtText, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var issuedAt))
            {
                return CommandDecision.Refuse("malformed", $"issuedAt '{issuedAtText}' is not an ISO 8601 time such as 2026-01-31T08:00:00Z.", role);
            }

            if (!string.Equals(device, _device, StringComparison.Ordinal))
            {
                return CommandDecision.Refuse("wrong-device", $"The request is for device '{device}', not this kiosk.", role);
            }

            if (!string.Equals(command, topicCommand, StringComparison.Ordinal))
            {
                return CommandDecision.Refuse("wrong-topic", $"The request names command '{command}' but arrived on the topic of '{topicCommand}'.", role);
            }

            var now = _time.GetUtcNow();
            if ((now - issuedAt).Duration() > _options.MaxClockSkew)
            {
                return CommandDecision.Refuse("stale", $"The request was issued at {issuedAt:O}, more than {_options.MaxClockSkew} from the kiosk's clock ({now:O}); check both clocks (NTP) and send a fresh request.", role);
            }

            if (nonce.Length is < 8 or > 128)
            {
                return CommandDecision.Refuse("malformed", "The nonce must be 8 to 128 characters, unique per request.", role);
            }

            if (!_options.Roles.TryGetValue(role, out var allowed) || !allowed.Contains(command, StringComparer.Ordinal))
            {
                return CommandDecision.Refuse("not-allowed", $"Role '{role}' may not run '{command}' on this kiosk (Kiosk:Events:Commands:Roles).", role);
            }

            if (!_nonces.TryRecord(nonce, now, issuedAt + _options.MaxClockSkew + _options.MaxClockSkew, out var full))
            {
                return full
                    ? CommandDecision.Refuse("busy", "Too many commands within the clock-skew window; try again shortly.", role)
                    : CommandDecision.Refuse("replayed", "This nonce was already used; a command is run at most once.", role);
            }

            var arguments = request.TryGetProperty("arguments", out var given2) ? given2.Clone() : default;
            return CommandDecision.Allow(new CommandRequest(command, role, nonce, issuedAt, arguments, replyTo, correlationId));
        }
    }

    /// <summary>The string property <paramref name="name"/>, or null when absent or not a string; false when it cannot be read.</summary>
    private static bool TryText(JsonElement element, string name, out string? value)
    {
        value = null;
        return !element.TryGetProperty(name, out var property) || property.ValueKind != JsonValueKind.String || TryReadString(property, out value);
    }

    /// <summary>
    /// Reads a JSON string, false when an escape in it is not valid UTF-16 (a lone surrogate such as <c>\ud800</c>):
    /// System.Text.Json throws for those on reading, and offers no way to ask first.
    /// </summary>
    internal static bool TryReadString(JsonElement element, out string value)
    {
        try
        {
            value = element.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            value = string.Empty;
            return false;
        }
    }
}
