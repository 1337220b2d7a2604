using System.CommandLine;
using System.Globalization;
using Kiosk.Protocols.Tags;

namespace Kioskctl.Commands;

/// <summary>
/// <c>kioskctl decode tag HEX [--model auto|iso28560-2|iso28560-3|3m] [--json] [--dsfid XX] [--block-size N]</c>: says
/// which library data model the user memory holds, which vendor variant, why, and what item it describes.
/// </summary>
/// <remarks>Exit code 0: the tag decoded cleanly. 1: blank, foreign or corrupt (a bad CRC included), or the hex is unreadable; the reason goes to stderr.</remarks>
internal static class DecodeTagCommand
{
    public static Command Create()
    {
        var hex = new Argument<string>("hex")
        {
            Description = "The tag's user memory from block 0, in tag order; spaces, colons and a 0x prefix are ignored.",
        };
        var model = new Option<string>("--model")
        {
            Description = "The data model to read, or auto to detect it.",
            DefaultValueFactory = _ => "auto",
        };
        model.AcceptOnlyFromAmong(["auto", .. TagNames.Models]);
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var dsfid = new Option<string?>("--dsfid") { Description = "The tag's DSFID register in hex, a detection hint (06 means ISO 28560-2)." };
        var blockSize = new Option<int>("--block-size")
        {
            Description = "Bytes per block (4 for ICODE SLIX); the ISO 28560-3 byte-reversed variant reverses each block.",
            DefaultValueFactory = _ => 4,
        };

        var command = new Command("tag", "Decode an ISO 15693 library tag's user memory: ISO 28560-2, ISO 28560-3 (Danish) or 3M.")
        {
            hex,
            model,
            json,
            dsfid,
            blockSize,
        };
        command.SetAction(parseResult =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            if (!HexInput.TryParse(parseResult.GetValue(hex), out var bytes, out var error))
            {
                stderr.WriteLine("kioskctl: " + error);
                return 1;
            }

            byte? dsfidValue = null;
            if (parseResult.GetValue(dsfid) is { } dsfidText)
            {
                if (!byte.TryParse(dsfidText.Replace("0x", string.Empty, StringComparison.OrdinalIgnoreCase), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var parsed))
                {
                    stderr.WriteLine($"kioskctl: --dsfid '{dsfidText}' is not one hex byte, such as 06");
                    return 1;
                }

                dsfidValue = parsed;
            }

            var size = parseResult.GetValue(blockSize);
            if (size < 1)
            {
                stderr.WriteLine("kioskctl: --block-size must be at least 1");
                return 1;
            }

            var result = LibraryTagCodec.Decode(new TagMemory(bytes, size, dsfidValue), TagNames.ParseModel(parseResult.GetValue(model)));
            if (parseResult.GetValue(json))
            {
                TagResultWriter.WriteJson(result, stdout);
            }
            else
            {
                TagResultWriter.WriteText(result, stdout);
            }

            if (!result.IsSuccess)
            {
                stderr.WriteLine($"kioskctl: {TagNames.Verdict(result.Verdict)} tag: {result.Reason}");
                return 1;
            }

            return 0;
        });
        return command;
    }
}
