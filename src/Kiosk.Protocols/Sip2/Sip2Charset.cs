using System.Text;

namespace Kiosk.Protocols.Sip2;

/// <summary>
/// The character sets a SIP2 connection may use. The spec's default is code page 850; Koha sets one per login,
/// FOLIO edge-sip2 defaults to IBM850, and Vietnamese text needs UTF-8 or Windows-1258.
/// </summary>
public static class Sip2Charset
{
    static Sip2Charset() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The names this codec accepts, for error messages and documentation.</summary>
    public static IReadOnlyList<string> KnownNames { get; } = ["utf-8", "iso-8859-1", "ibm850", "windows-1258", "us-ascii"];

    /// <summary>
    /// The encoding for <paramref name="name"/>. Encoding a character the charset cannot carry throws
    /// <see cref="EncoderFallbackException"/>; decoding bytes that are not valid in it gives U+FFFD, never an exception.
    /// </summary>
    /// <remarks>
    /// windows-1258 has no bytes for precomposed toned Vietnamese letters ("ấ", "ạ"), so this encoding alone rejects
    /// them. <see cref="Sip2Encoder"/> and <see cref="Sip2MessageParser"/> recognise code page 1258 and write base
    /// letter plus combining tone mark, and read back NFC, so messages carry Vietnamese whole; the checksum stays the
    /// sum of the bytes actually sent.
    /// </remarks>
    /// <exception cref="ArgumentException">The name is not one of <see cref="KnownNames"/> or their aliases.</exception>
    public static Encoding Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var canonical = name.Trim().ToUpperInvariant() switch
        {
            "UTF-8" or "UTF8" => "utf-8",
            "ISO-8859-1" or "ISO8859-1" or "LATIN1" or "LATIN-1" => "iso-8859-1",
            "IBM850" or "IBM-850" or "CP850" or "850" => "ibm850",
            "WINDOWS-1258" or "CP1258" or "1258" => "windows-1258",
            "US-ASCII" or "ASCII" => "us-ascii",
            _ => throw new ArgumentException(
                $"SIP2 charset '{name}' is not supported; use one of {string.Join(", ", KnownNames)}.", nameof(name)),
        };
        if (canonical == "utf-8")
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
        }

        return Encoding.GetEncoding(canonical, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
    }

    /// <summary>
    /// The bytes <paramref name="text"/> takes on the wire in <paramref name="encoding"/>, as <see cref="Sip2Encoder"/>
    /// writes them: under windows-1258 toned letters become base letter plus combining tone mark first. For tools that
    /// take a message as text, such as a line pasted from a capture, and need the bytes its checksum was summed over.
    /// </summary>
    /// <exception cref="EncoderFallbackException">The charset cannot carry a character of <paramref name="text"/>.</exception>
    public static byte[] GetWireBytes(Encoding encoding, string text)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        ArgumentNullException.ThrowIfNull(text);
        return encoding.GetBytes(Windows1258Text.AppliesTo(encoding) ? Windows1258Text.ToWireForm(text) : text);
    }

    /// <summary>UTF-8 without a byte-order mark; invalid bytes decode to U+FFFD.</summary>
    public static Encoding Utf8 { get; } = Get("utf-8");
}
