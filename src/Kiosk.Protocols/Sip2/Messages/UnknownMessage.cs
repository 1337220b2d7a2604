namespace Kiosk.Protocols.Sip2.Messages;

/// <summary>
/// A message whose command SIP2 2.00 does not define. The spec says an unrecognised command is ignored; it is kept
/// whole so a tool can show it and a relay can pass it on unchanged.
/// </summary>
public sealed record UnknownMessage : Sip2Message
{
    /// <summary>Creates an unknown message with its command and the text that followed it.</summary>
    public UnknownMessage(string command, string body)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Length != 2 || !char.IsAsciiLetterOrDigit(command[0]) || !char.IsAsciiLetterOrDigit(command[1]))
        {
            throw new ArgumentException($"A SIP2 command is two ASCII letters or digits; got '{command}'.", nameof(command));
        }

        UnknownCommand = command;
        Body = body ?? string.Empty;
    }

    /// <summary>The two characters of the command.</summary>
    public string UnknownCommand { get; }

    /// <summary>Everything after the command, before the error-detection fields, as it arrived.</summary>
    public string Body { get; }

    /// <inheritdoc/>
    public override string Command => UnknownCommand;

    private protected override IReadOnlyList<string> FieldOrder => [];

    internal override void WriteFixedFields(Sip2FixedFieldWriter writer) => writer.Character(Body);
}
