using System.CommandLine;
using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Readers.Feig.Messages;

namespace Kioskctl.Commands;

/// <summary>
/// <c>kioskctl decode feig|3m HEX --from host|reader [--json]</c>: one captured reader frame, its CRC, command, status
/// and decoded request or reply. Exit code 0: well formed with a valid CRC; 1: otherwise, with the reason on stderr.
/// </summary>
internal static class DecodeReaderFrameCommand
{
    public static Command CreateFeig()
    {
        var request = new Option<string>("--request")
        {
            Description = "With --from reader: the host frame this reply answers. [0xB0] replies do not repeat the ISO sub-command, so their data is decoded only with it.",
        };
        var command = Create("feig", "Decode one FEIG ISO host protocol frame (ID CPR / ID ISC readers).", "for example '05 FF 63 D3 AE'", request);
        command.SetAction(parseResult => Run(parseResult, (bytes, direction) =>
        {
            FeigRequest? pending = null;
            if (parseResult.GetValue(request) is { } requestHex)
            {
                if (!ReaderHexInput.TryParse(requestHex, out var requestBytes, out var problem)
                    || !FeigFrameExplainer.TryReadRequest(requestBytes, out pending, out problem))
                {
                    return new ReaderFrameExplanation { Protocol = "feig", From = Name(direction), Problem = problem!.StartsWith("--request", StringComparison.Ordinal) ? problem : "--request: " + problem };
                }
            }

            return FeigFrameExplainer.Explain(bytes, direction, pending);
        }));
        return command;
    }

    public static Command CreateThreeM()
    {
        var command = Create("3m", "Decode one 3M RFID reader frame (3M 810, Model 210).", "for example 'D6 00 05 FE 00 05 FA 40'");
        command.SetAction(parseResult => Run(parseResult, ThreeMFrameExplainer.Explain));
        return command;
    }

    private static Command Create(string name, string description, string example, params Option[] extra)
    {
        var frame = new Argument<string>("frame") { Description = $"The captured frame as hex, {example}. Spaces, colons and 0x prefixes are ignored." };
        var from = new Option<string>("--from")
        {
            Description = "Which side sent the frame: host (a request) or reader (a reply, which carries a status).",
            Required = true,
        };
        from.AcceptOnlyFromAmong("host", "reader");
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var command = new Command(name, description) { frame, from, json };
        foreach (var option in extra)
        {
            command.Options.Add(option);
        }

        return command;
    }

    private static int Run(ParseResult parseResult, Func<byte[], FrameDirection, ReaderFrameExplanation> explain)
    {
        var stdout = parseResult.InvocationConfiguration.Output;
        var stderr = parseResult.InvocationConfiguration.Error;
        var frameArgument = parseResult.CommandResult.Command.Arguments.OfType<Argument<string>>().Single();
        var fromOption = parseResult.CommandResult.Command.Options.OfType<Option<string>>().Single(option => option.Name == "--from");
        var jsonOption = parseResult.CommandResult.Command.Options.OfType<Option<bool>>().Single(option => option.Name == "--json");
        var direction = parseResult.GetValue(fromOption) == "host" ? FrameDirection.HostToReader : FrameDirection.ReaderToHost;

        ReaderFrameExplanation explanation;
        if (!ReaderHexInput.TryParse(parseResult.GetValue(frameArgument), out var bytes, out var problem))
        {
            explanation = new ReaderFrameExplanation { Protocol = parseResult.CommandResult.Command.Name, From = Name(direction), Problem = problem };
        }
        else
        {
            explanation = explain(bytes, direction);
        }

        if (parseResult.GetValue(jsonOption))
        {
            ReaderFrameExplanationWriter.WriteJson(explanation, stdout);
        }
        else
        {
            ReaderFrameExplanationWriter.WriteText(explanation, stdout);
        }

        if (explanation.Problem is { } reason)
        {
            stderr.WriteLine("kioskctl: " + reason);
            return 1;
        }

        return 0;
    }

    private static string Name(FrameDirection direction) => direction == FrameDirection.HostToReader ? "host" : "reader";
}
