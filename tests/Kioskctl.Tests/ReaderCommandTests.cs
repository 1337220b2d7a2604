using Kiosk.Protocols.Readers;
using Kiosk.Simulators.Rfid;

namespace Kioskctl.Tests;

/// <summary><c>kioskctl reader …</c> in-process against the reader simulators on a real pty.</summary>
public sealed class ReaderCommandTests
{
    [Theory]
    [InlineData("feig")]
    [InlineData("3m")]
    public async Task Reader_inventory_lists_each_tag_with_its_decoded_item_id(string protocol)
    {
        await using var simulator = Simulator(protocol);
        simulator.Field.PlaceAll(LibraryTagFactory.CreateSampleStack(3));

        var run = Run("reader", "inventory", "--port", simulator.PortPath, "--protocol", protocol);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("3 tag(s) at antenna 1", run.Stdout, StringComparison.Ordinal);
        foreach (var item in new[] { "TV0001", "TV0002", "TV0003" })
        {
            Assert.Contains($"{LibraryTagFactory.UidFor(item)}  AFI", run.Stdout, StringComparison.Ordinal);
            Assert.Contains($"item {item} (part 1 of 1", run.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Reader_unsecure_switches_the_tag_to_the_loaned_afi_and_prints_the_verified_result()
    {
        await using var simulator = Simulator("feig");
        var tag = LibraryTagFactory.CreateItem("TV0001", "VN-HN-TVHN", secured: true);
        simulator.Field.Place(tag);

        var run = Run("reader", "unsecure", "--port", simulator.PortPath, "--protocol", "feig", "--uid", tag.Uid.ToString(), "--secured-afi", "0x07", "--loaned-afi", "0xC2");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"Tag {tag.Uid} is unsecured (loaned): AFI 0xC2 verified by read-back after 1 attempt(s).", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(0xC2, tag.Afi);
    }

    [Fact]
    public async Task Reader_secure_uses_the_site_afi_values_given_on_the_command_line()
    {
        await using var simulator = Simulator("3m");
        var tag = LibraryTagFactory.CreateItem("TV0002", "VN-HN-TVHN", secured: false, afi: SecurityAfi.ThreeM);
        simulator.Field.Place(tag);

        var run = Run("reader", "secure", "--port", simulator.PortPath, "--protocol", "3m", "--uid", tag.Uid.ToString(), "--secured-afi", "0xD7", "--loaned-afi", "0xDA");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(0xD7, tag.Afi);
    }

    [Fact]
    public async Task Reader_secure_of_a_tag_that_is_not_on_the_pad_is_not_verified_and_exits_1()
    {
        await using var simulator = Simulator("feig");
        var absent = LibraryTagFactory.UidFor("TV0009");

        var run = Run("reader", "secure", "--port", simulator.PortPath, "--protocol", "feig", "--uid", absent.ToString());

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"Tag {absent} NOT verified secured", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("treat the item as secured", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_inventory_of_a_port_that_does_not_exist_names_the_port_and_exits_3()
    {
        var missing = "/dev/kiosk-no-such-reader-" + Guid.NewGuid().ToString("N");

        var run = Run("reader", "inventory", "--port", missing, "--protocol", "feig");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains(missing, run.Stderr, StringComparison.Ordinal);
    }

    private static PseudoTerminalReaderSimulator Simulator(string protocol)
    {
        PseudoTerminalReaderSimulator simulator = protocol == "feig" ? new FeigReaderSimulator(new RfidField()) : new ThreeMReaderSimulator(new RfidField());
        simulator.Plug();
        return simulator;
    }

    private static CliRun Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = KioskctlApp.Run(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
