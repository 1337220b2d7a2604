using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Kiosk.Events.Commands;

/// <summary>
/// Signs a command for a kiosk: the payload is <c>{"request": {…}, "signature": "&lt;hex&gt;"}</c>, where the signature
/// is HMAC-SHA256 with the site's secret over the exact UTF-8 bytes of the <c>request</c> value as sent. The request
/// holds <c>command</c>, <c>device</c>, <c>role</c>, <c>issuedAt</c> (ISO 8601), a unique <c>nonce</c>, and optionally
/// <c>arguments</c>, <c>replyTo</c> and <c>correlationId</c> (the MQTT 3.1.1 convention; MQTT 5 uses the response topic
/// and correlation data).
/// </summary>
public static class CommandSigner
{
    /// <summary>The hex HMAC-SHA256 of <paramref name="requestJson"/> under <paramref name="secret"/>.</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> requestJson)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), requestJson));
    }

    /// <summary>A complete signed payload for <paramref name="request"/>, serialized as camelCase JSON.</summary>
    public static byte[] CreatePayload(string secret, object request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var requestJson = JsonSerializer.SerializeToUtf8Bytes(request, request.GetType(), JsonSerializerOptions.Web);
        var signature = Sign(secret, requestJson);
        using var buffer = new MemoryStream();
        buffer.Write("{\"request\":"u8);
        buffer.Write(requestJson);
        buffer.Write(",\"signature\":\""u8);
        buffer.Write(Encoding.ASCII.GetBytes(signature));
        buffer.Write("\"}"u8);
        return buffer.ToArray();
    }
}
