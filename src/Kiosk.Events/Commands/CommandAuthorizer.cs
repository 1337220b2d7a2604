using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kiosk.Events.Options;

namespace Kiosk.Events.Commands;

/// <summary>
/// Decides whether a command payload may run: well-formed, signed with the site's secret (see <see cref="CommandSigner"/>),
/// meant for this device and this command topic, issued within the allowed clock skew, with a nonce not seen before,
/// and allowed for its role. Checks run in that order, so nothing in an unsigned payload is trusted.
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

            // The signature covers the request's bytes exactly as sent (GetRawText returns them unchanged).
            var signed = Encoding.UTF8.GetBytes(request.GetRawText());
            var expected = HMACSHA256.HashData(_secret, signed);
            byte[] given;
            try
            {
                given = Convert.FromHexString(signatureElement.GetString()!);
            }
            catch (FormatException)
            {
                return CommandDecision.Refuse("bad-signature", "The signature is not hex; sign the request with HMAC-SHA256 and the site secret, written as hex.");
            }

            if (!CryptographicOperations.FixedTimeEquals(expected, given))
            {
                return CommandDecision.Refuse("bad-signature", "The signature does not match the request under this site's secret.");
            }

            var command = Text(request, "command");
            var device = Text(request, "device");
            var role = Text(request, "role");
            var nonce = Text(request, "nonce");
            var issuedAtText = Text(request, "issuedAt");
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
            return CommandDecision.Allow(new CommandRequest(command, role, nonce, issuedAt, arguments, Text(request, "replyTo"), Text(request, "correlationId")));
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
