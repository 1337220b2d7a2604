using System.CommandLine;

namespace Kioskctl.Commands;

/// <summary><c>kioskctl decode …</c>: explain captured protocol traffic. Each protocol is a subcommand.</summary>
internal static class DecodeCommand
{
    public static Command Create()
    {
        var decode = new Command("decode", "Explain a captured protocol message.");
        decode.Subcommands.Add(DecodeSip2Command.Create());
        decode.Subcommands.Add(DecodeTagCommand.Create());
        decode.Subcommands.Add(DecodeReaderFrameCommand.CreateFeig());
        decode.Subcommands.Add(DecodeReaderFrameCommand.CreateThreeM());
        decode.Subcommands.Add(DecodeEscPosCommand.Create());
        return decode;
    }
}
