using System.CommandLine;

namespace Kioskctl;

/// <summary>Runs the CLI against any pair of writers, so tests can run it in-process and read what it printed.</summary>
internal static class KioskctlApp
{
    /// <summary>Parses <paramref name="args"/>, runs the verb, and returns the process exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
        return Program.BuildRootCommand().Parse(args).Invoke(configuration);
    }
}
