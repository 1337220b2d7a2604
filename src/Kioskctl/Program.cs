using System.CommandLine;
using Kioskctl.Commands;

namespace Kioskctl;

/// <summary>The technician CLI: <c>kioskctl --help</c> lists the verbs.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args)
    {
        var root = new RootCommand("KioskController technician tool: decode captured traffic and test devices.");
        root.Subcommands.Add(Sip2LoginCommand.Create(Console.Out, Console.Error));
        return root.Parse(args).InvokeAsync();
    }
}
