using System.CommandLine;
using Kioskctl.Commands;

namespace Kioskctl;

/// <summary>The technician CLI: <c>kioskctl --help</c> lists the verbs.</summary>
internal static class Program
{
    public static int Main(string[] args) => KioskctlApp.Run(args, Console.Out, Console.Error);

    /// <summary>The root command with every verb. Add new verbs (such as <c>kioskctl sip2 login</c>) here.</summary>
    internal static RootCommand BuildRootCommand()
    {
        var root = new RootCommand("KioskController technician tool: decode captured traffic and test devices.");
        root.Subcommands.Add(DecodeCommand.Create());
        root.Subcommands.Add(EncodeCommand.Create());
        root.Subcommands.Add(Sip2LoginCommand.Create());
        root.Subcommands.Add(ReaderCommand.Create());
        root.Subcommands.Add(PrinterCommand.Create());
        root.Subcommands.Add(GateCommand.Create());
        root.Subcommands.Add(CommandSendCommand.Create());
        return root;
    }
}
