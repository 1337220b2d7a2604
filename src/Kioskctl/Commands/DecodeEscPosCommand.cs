using System.CommandLine;
using System.Globalization;
using Kiosk.Devices.Printers.Rendering;
using Kiosk.Protocols.Printing.EscPos;

namespace Kioskctl.Commands;

/// <summary>
/// <c>kioskctl decode escpos FILE [--json] [--tcvn3-pages 30,31]</c>: the text a captured print job prints, decoded with
/// the code pages the job selects, then its command list with images summarised by size, then its barcodes and QR codes
/// with what they carry (CODE128 code set C as digits) and its cuts. Exit code 0: the whole
/// file decodes (unknown commands are skipped and counted); 1: it is malformed or truncated, or cannot be read, with the
/// reason on stderr.
/// </summary>
internal static class DecodeEscPosCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The captured job: raw bytes as sent to the printer." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (text, commands, unknownCommands, symbols, cuts, problems) instead of text." };
        var pages = new Option<string>("--tcvn3-pages")
        {
            Description = "The ESC t numbers of the TCVN-3 lowercase and capitals tables on this printer, for clones that renumber them.",
            DefaultValueFactory = _ => "30,31",
        };
        var command = new Command("escpos", "Decode a captured ESC/POS print job: its text and its commands.") { file, json, pages };
        command.SetAction(parseResult =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            if (!TryParsePages(parseResult.GetValue(pages)!, out var lowercase, out var capitals))
            {
                stderr.WriteLine("kioskctl: --tcvn3-pages takes two ESC t numbers from 0 to 255, lowercase then capitals, for example 30,31.");
                return 1;
            }

            var path = parseResult.GetValue(file)!;
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"kioskctl: cannot read {path}: {ex.Message}");
                return 1;
            }

            var options = new EscPosDecoderOptions
            {
                CodePages = EscPosCodePageMap.Epson.WithTcvn3Pages(lowercase, capitals),

                // Glyph-mode jobs print letters drawn with our embedded font; recognise them so the text reads back.
                RecognizeUserCharacter = UserCharacterRecognizer.Shared.Recognize,
            };
            var document = EscPosDecoder.DecodeAll(bytes, options);
            if (parseResult.GetValue(json))
            {
                EscPosDocumentWriter.WriteJson(document, stdout);
            }
            else
            {
                EscPosDocumentWriter.WriteText(document, stdout);
            }

            if (document.Problems.Count > 0)
            {
                var first = document.Problems[0];
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kioskctl: {document.Problems.Count} malformed or truncated command(s); first at offset {first.Offset}: {first.Summary}"));
                return 1;
            }

            return 0;
        });
        return command;
    }

    private static bool TryParsePages(string text, out byte lowercase, out byte capitals)
    {
        lowercase = capitals = 0;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && byte.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out lowercase)
            && byte.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out capitals)
            && lowercase != capitals;
    }
}
