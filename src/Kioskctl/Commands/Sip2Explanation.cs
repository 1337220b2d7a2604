using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Kiosk.Protocols.Sip2;
using Kiosk.Protocols.Sip2.Messages;

namespace Kioskctl.Commands;

/// <summary>What a pasted SIP2 line says, ready to print. Password fields (AC, AD, CO) are masked here, before any output.</summary>
internal sealed partial record Sip2Explanation
{
    /// <summary>What a password field shows instead of its value.</summary>
    public const string Mask = "****";

    /// <summary>The name shown for an identifier the spec does not define.</summary>
    public const string UnknownFieldName = "unknown (extension)";

    public required string Command { get; init; }

    public required string Name { get; init; }

    public required string Charset { get; init; }

    public IReadOnlyList<Sip2FixedFieldValue> FixedFields { get; init; } = [];

    public IReadOnlyList<Sip2ExplainedField> Fields { get; init; } = [];

    /// <summary>For a command SIP2 2.00 does not define: everything after it, with password fields masked.</summary>
    public string? Body { get; init; }

    public int? Sequence { get; init; }

    /// <summary>True or false when the line carries AZ; null when it has no checksum.</summary>
    public bool? ChecksumValid { get; init; }

    public string? CarriedChecksum { get; init; }

    public string? ComputedChecksum { get; init; }

    public Sip2DecodeError? Error { get; init; }

    /// <summary>Why the exit code is 1, or null when the message is well formed with a valid or absent checksum.</summary>
    public string? Problem => Error is not null
        ? $"cannot decode this SIP2 message {Error}"
        : ChecksumValid == false
            ? $"checksum AZ{CarriedChecksum} does not match the message: its bytes in {Charset} give {ComputedChecksum}; check --charset, or the sender's checksum"
            : null;

    /// <summary>Decodes <paramref name="input"/>, a line as a technician pasted it, in <paramref name="encoding"/>.</summary>
    /// <exception cref="EncoderFallbackException">The line holds a character the charset cannot carry.</exception>
    public static Sip2Explanation Explain(string input, Encoding encoding)
    {
        var line = Clean(input);
        var bytes = Sip2Charset.GetWireBytes(encoding, line);
        var result = Sip2MessageParser.Parse(bytes, new Sip2CodecOptions { Encoding = encoding });
        var command = line.Length >= 2 ? line[..2] : line;
        string? carried = null;
        string? computed = null;
        if (result.Checksum != Sip2ChecksumStatus.Absent)
        {
            carried = line[^4..];
            computed = Sip2Checksum.Compute(bytes.AsSpan(0, bytes.Length - 4)).ToString("X4", CultureInfo.InvariantCulture);
        }

        return new Sip2Explanation
        {
            Command = command,
            Name = result.Message?.Name ?? Sip2Command.NameOf(command) ?? "unknown message",
            Charset = encoding.WebName,
            FixedFields = result.FixedFields,
            Fields = result.Message is null ? [] : [.. result.Message.Fields.Select(Explain)],
            Body = result.Message is UnknownMessage unknown ? MaskSecrets(unknown.Body) : null,
            Sequence = result.SequenceNumber,
            ChecksumValid = result.Checksum switch
            {
                Sip2ChecksumStatus.Valid => true,
                Sip2ChecksumStatus.Invalid => false,
                _ => null,
            },
            CarriedChecksum = carried,
            ComputedChecksum = computed,
            Error = result.Error,
        };
    }

    private static Sip2ExplainedField Explain(Sip2Field field) => new(
        field.Id,
        Sip2FieldId.NameOf(field.Id) ?? UnknownFieldName,
        Sip2FieldId.IsSecret(field.Id) ? Mask : field.Value);

    /// <summary>
    /// Drops what a capture or a shell leaves around the line: a real CR or LF, the two characters \r or \n, and blanks
    /// after the checksum.
    /// </summary>
    private static string Clean(string input)
    {
        var line = input.TrimStart('\n', '\r');
        string previous;
        do
        {
            previous = line;
            foreach (var ending in (string[])["\r", "\n", "\\r", "\\n"])
            {
                if (line.EndsWith(ending, StringComparison.Ordinal))
                {
                    line = line[..^ending.Length];
                }
            }

            if (ChecksumAtEnd().IsMatch(line.TrimEnd(' ')))
            {
                line = line.TrimEnd(' ');
            }
        }
        while (line != previous);

        return line;
    }

    /// <summary>Masks AC, AD and CO in the body of a message whose layout is unknown, where they can only be guessed at.</summary>
    private static string MaskSecrets(string body) =>
        SecretField().Replace(body, match => match.Groups["id"].Value + Mask + match.Groups["end"].Value);

    [GeneratedRegex("AZ[0-9A-Fa-f]{4}$")]
    private static partial Regex ChecksumAtEnd();

    // The last field may lack its delimiter; the parser accepts that, so the mask must too.
    [GeneratedRegex(@"(?<id>AC|AD|CO)[^|]*(?<end>\||$)")]
    private static partial Regex SecretField();
}
