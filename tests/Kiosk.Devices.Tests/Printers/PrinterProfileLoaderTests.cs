using Kiosk.Devices.Printers;
using Kiosk.Protocols.Printing.EscPos;

namespace Kiosk.Devices.Tests.Printers;

public sealed class PrinterProfileLoaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kiosk-printer-profiles-").FullName;

    [Theory]
    [InlineData("epson-tm-t20-80mm.json")]
    [InlineData("xprinter-58mm.json")]
    public void The_shipped_profiles_load_without_problems(string file)
    {
        var profile = PrinterProfileLoader.Load(Path.Combine(RepositoryRoot(), "firmware-config", "printers", file));

        Assert.NotNull(profile.Transport);
        Assert.Empty(PrinterProfileLoader.Validate(profile));
    }

    [Fact]
    public void The_epson_profile_gives_the_text_encoder_pages_30_and_31_and_a_partial_cut()
    {
        var profile = PrinterProfileLoader.Load(Path.Combine(RepositoryRoot(), "firmware-config", "printers", "epson-tm-t20-80mm.json"));

        var capabilities = profile.ToTextModeCapabilities();

        Assert.Equal((30, 31, 48), (capabilities.Tcvn3LowercasePage, capabilities.Tcvn3CapitalsPage, capabilities.WidthCharacters));
        Assert.Equal(EscPosCutMode.Partial, profile.CutMode);
        Assert.IsType<SerialPrinterTransport>(PrinterTransportFactory.Create(profile.Transport!));
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_the_file_the_key_and_the_fix()
    {
        var path = Write("bad.json", """
            {
              "name": "Receipt Printer",
              "paperWidthMillimetres": 58,
              "dotsPerLine": 576,
              "charactersPerLine": 48,
              "mode": "Tcvn3Text",
              "tcvn3LowercasePage": 30,
              "tcvn3CapitalsPage": 30,
              "transport": { "serialPort": "/dev/ttyUSB0", "host": "10.0.0.5" }
            }
            """);

        var exception = Assert.Throws<PrinterProfileException>(() => PrinterProfileLoader.Load(path));

        Assert.Equal(path, exception.Path);
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Collection(
            exception.Problems,
            problem => Assert.StartsWith("name: ", problem, StringComparison.Ordinal),
            problem => Assert.Equal("dotsPerLine: 576 is wider than 58 mm paper prints (400); use 576 for 80 mm or 384 for 58 mm", problem),
            problem => Assert.StartsWith("tcvn3CapitalsPage: TCVN-3 needs two pages", problem, StringComparison.Ordinal),
            problem => Assert.Equal("transport: give exactly one of serialPort (with baudRate), host (with tcpPort) or devicePath", problem));
    }

    [Fact]
    public void Too_many_characters_for_the_dots_is_refused_with_the_number_that_fits()
    {
        var path = Write("wide.json", """{ "name": "receipt", "paperWidthMillimetres": 58, "dotsPerLine": 384, "charactersPerLine": 48, "transport": { "devicePath": "/dev/usb/lp0" } }""");

        var exception = Assert.Throws<PrinterProfileException>(() => PrinterProfileLoader.Load(path));

        Assert.Equal("charactersPerLine: 48 characters of 12 dots do not fit 384 dots; use 32", Assert.Single(exception.Problems));
    }

    [Fact]
    public void A_profile_without_a_transport_says_so()
    {
        var path = Write("none.json", """{ "name": "receipt" }""");

        var exception = Assert.Throws<PrinterProfileException>(() => PrinterProfileLoader.Load(path));

        Assert.StartsWith("transport: ", Assert.Single(exception.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_that_is_not_JSON_names_the_line()
    {
        var path = Write("broken.json", "{\n  \"name\": \n}");

        var exception = Assert.Throws<PrinterProfileException>(() => PrinterProfileLoader.Load(path));

        Assert.Contains("is not valid JSON at line 3", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_profiles_with_one_name_in_a_folder_are_refused()
    {
        Write("a.json", """{ "name": "receipt", "transport": { "host": "10.0.0.5" } }""");
        Write("b.json", """{ "name": "receipt", "transport": { "devicePath": "/dev/usb/lp0" } }""");

        var exception = Assert.Throws<PrinterProfileException>(() => PrinterProfileLoader.LoadAll(_directory));

        Assert.Contains("2 profiles named 'receipt'", exception.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string json)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, json);
        return path;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "firmware-config")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("firmware-config/ not found above the test output folder.");
    }
}
