namespace Kioskctl.Tests;

/// <summary>What one run of kioskctl returned and printed.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr);
