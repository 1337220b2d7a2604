using System.CommandLine;

namespace Kioskctl.Commands;

/// <summary><c>kioskctl encode …</c>: write the bytes a device would carry. Each format is a subcommand.</summary>
internal static class EncodeCommand
{
    public static Command Create()
    {
        var encode = new Command("encode", "Produce the bytes for a tag or message.");
        encode.Subcommands.Add(EncodeTagCommand.Create());
        return encode;
    }
}
