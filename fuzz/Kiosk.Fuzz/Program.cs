using SharpFuzz;

namespace Kiosk.Fuzz;

/// <summary>
/// <c>Kiosk.Fuzz TARGET</c> under libfuzzer-dotnet runs one target; <c>Kiosk.Fuzz TARGET --replay PATH…</c> runs it
/// once over each file (or each file of a folder), without libFuzzer, to check seeds or reproduce a crash.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0 || !FuzzTargets.All.TryGetValue(args[0], out var target))
        {
            Console.Error.WriteLine($"usage: Kiosk.Fuzz TARGET [--replay FILE|DIR...]; targets: {string.Join(", ", FuzzTargets.All.Keys)}");
            return 2;
        }

        if (args.Length > 1 && args[1] == "--replay")
        {
            var files = args[2..].SelectMany(path => Directory.Exists(path) ? Directory.GetFiles(path) : [path]).ToArray();
            foreach (var file in files)
            {
                target(File.ReadAllBytes(file));
            }

            Console.WriteLine($"{args[0]}: {files.Length} input(s) ran without a finding");
            return 0;
        }

        Fuzzer.LibFuzzer.Run(target);
        return 0;
    }
}
