using System.Text.Json;

namespace Kioskctl.Commands;

/// <summary>A kiosk's answer to a command.</summary>
/// <param name="Status"><c>ok</c>, <c>error</c> (the handler failed) or <c>refused</c>.</param>
/// <param name="Code">Why it was refused: <c>bad-signature</c>, <c>not-allowed</c>, <c>stale</c>… (Kiosk.Events README).</param>
/// <param name="Reason">The kiosk's sentence for a refusal or a failure, or the handler's message.</param>
/// <param name="Result">What the handler returned, if anything.</param>
/// <param name="Json">The answer as the kiosk sent it, for <c>--json</c>.</param>
/// <param name="Elapsed">From publishing the request to receiving the answer.</param>
internal sealed record RemoteCommandReply(string Status, string? Code, string? Reason, JsonElement? Result, string Json, TimeSpan Elapsed)
{
    public static RemoteCommandReply? TryParse(ReadOnlySpan<byte> payload, TimeSpan elapsed)
    {
        try
        {
            using var document = JsonDocument.Parse(payload.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "status") is not { } status)
            {
                return null;
            }

            JsonElement? result = root.TryGetProperty("result", out var value) && value.ValueKind != JsonValueKind.Null ? value.Clone() : null;
            return new RemoteCommandReply(status, Text(root, "code"), Text(root, "reason"), result, root.GetRawText(), elapsed);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The <c>correlationId</c> the kiosk echoed, or null (it echoes none for a request it could not verify).</summary>
    public static string? CorrelationIdOf(ReadOnlySpan<byte> payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload.ToArray());
            return document.RootElement.ValueKind == JsonValueKind.Object ? Text(document.RootElement, "correlationId") : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
