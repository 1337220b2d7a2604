using System.CommandLine;
using System.Text;
using Kiosk.Protocols.Sip2;

namespace Kioskctl.Commands;

/// <summary>
/// <c>kioskctl decode sip2 MESSAGE [--json] [--charset NAME]</c>: names the message, each fixed field with its meaning,
/// each identified field, the sequence number and whether the checksum holds. Passwords (AC, AD, CO) are shown as
/// <c>****</c> in both outputs, because a technician's terminal gets screenshotted.
/// </summary>
/// <remarks>Exit code 0: well formed, checksum valid or absent. 1: the message is malformed or its checksum is wrong; the reason goes to stderr.</remarks>
internal static class DecodeSip2Command
{
    public static Command Create()
    {
        var message = new Argument<string>("message")
        {
            Description = "The captured SIP2 line, for example '941AY1AZFDFC'. A trailing CR, or \\r typed as two characters, is ignored.",
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var charset = new Option<string>("--charset")
        {
            Description = $"The connection's charset, which the checksum is summed in: {string.Join(", ", Sip2Charset.KnownNames)}.",
            DefaultValueFactory = _ => "utf-8",
        };

        var command = new Command("sip2", "Decode one SIP2 message. AC, AD and CO (passwords) are always shown as ****.")
        {
            message,
            json,
            charset,
        };
        command.SetAction(parseResult =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            Encoding encoding;
            try
            {
                encoding = Sip2Charset.Get(parseResult.GetValue(charset)!);
            }
            catch (ArgumentException ex)
            {
                stderr.WriteLine("kioskctl: " + ex.Message.Split(" (Parameter", 2)[0]);
                return 1;
            }

            Sip2Explanation explanation;
            try
            {
                explanation = Sip2Explanation.Explain(parseResult.GetValue(message) ?? string.Empty, encoding);
            }
            catch (EncoderFallbackException ex)
            {
                stderr.WriteLine($"kioskctl: the message holds '{ex.CharUnknown}', which charset {encoding.WebName} cannot carry; try --charset utf-8.");
                return 1;
            }

            if (parseResult.GetValue(json))
            {
                Sip2ExplanationWriter.WriteJson(explanation, stdout);
            }
            else
            {
                Sip2ExplanationWriter.WriteText(explanation, stdout);
            }

            if (explanation.Problem is { } problem)
            {
                stderr.WriteLine("kioskctl: " + problem);
                return 1;
            }

            return 0;
        });
        return command;
    }
}
