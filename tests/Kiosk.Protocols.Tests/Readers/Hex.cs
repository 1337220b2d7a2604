namespace Kiosk.Protocols.Tests.Readers;

/// <summary>Hex strings as they appear in manuals and captures, with any spacing.</summary>
internal static class Hex
{
    public static byte[] Bytes(string text) => Convert.FromHexString(text.Replace(" ", string.Empty, StringComparison.Ordinal));

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);
}
