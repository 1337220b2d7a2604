namespace KioskController.Simulation;

/// <summary>
/// Which simulators this run starts, read from configuration once, before the services are composed: each switch in
/// <c>Kiosk:Simulators</c>, or <c>Kiosk:Simulators:Enabled</c> where it is unset. The broker also honours
/// <c>Kiosk:EmbeddedBroker:Enabled</c>, the key that started it before it had a switch here.
/// </summary>
internal sealed record SimulatorSwitches(bool Ils, bool Pad, bool Scanner, bool Printer, bool Gate, bool Broker)
{
    /// <summary>Whether any simulator runs: the /sim panel exists and the run is a trial, not a library's kiosk.</summary>
    public bool Any => Ils || Pad || Scanner || Printer || Gate;

    /// <summary>Whether every device is simulated: the default run, with its sample library.</summary>
    public bool All => Ils && Pad && Scanner && Printer && Gate;

    public static SimulatorSwitches From(IConfiguration configuration)
    {
        var section = configuration.GetSection(SimulatorOptions.SectionName);
        var all = section.GetValue<bool>(nameof(SimulatorOptions.Enabled));
        bool Switch(string name) => section.GetValue<bool?>(name) ?? all;
        var broker = section.GetValue<bool?>(nameof(SimulatorOptions.Broker))
            ?? configuration.GetValue<bool?>($"{Kiosk.Events.Broker.EmbeddedBrokerOptions.SectionName}:Enabled")
            ?? all;
        return new SimulatorSwitches(
            Switch(nameof(SimulatorOptions.Ils)),
            Switch(nameof(SimulatorOptions.Pad)),
            Switch(nameof(SimulatorOptions.Scanner)),
            Switch(nameof(SimulatorOptions.Printer)),
            Switch(nameof(SimulatorOptions.Gate)),
            broker);
    }
}
