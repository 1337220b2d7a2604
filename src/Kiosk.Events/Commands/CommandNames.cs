namespace Kiosk.Events.Commands;

/// <summary>The remote commands, as the last level of <c>…/commands/{name}</c>.</summary>
public static class CommandNames
{
    public const string Status = "status";
    public const string Ping = "ping";
    public const string ReloadConfiguration = "reload-configuration";
    public const string ReaderSelfTest = "reader-self-test";
    public const string PrinterTestPage = "printer-test-page";
    public const string GateTest = "gate-test";
    public const string EnterMaintenance = "enter-maintenance";
    public const string LeaveMaintenance = "leave-maintenance";

    /// <summary>Every command the kiosk knows.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Status, Ping, ReloadConfiguration, ReaderSelfTest, PrinterTestPage, GateTest, EnterMaintenance, LeaveMaintenance];
}
