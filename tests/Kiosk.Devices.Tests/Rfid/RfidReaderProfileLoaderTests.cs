using Kiosk.Devices.Rfid;

namespace Kiosk.Devices.Tests.Rfid;

public sealed class RfidReaderProfileLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kiosk-profiles-").FullName;

    [Fact]
    public void The_shipped_profiles_all_load()
    {
        var profiles = RfidReaderProfileLoader.LoadAll(Path.Combine(RepositoryRoot(), "firmware-config", "readers"));

        Assert.Contains(profiles, p => p is { Name: "pad", Protocol: RfidReaderProtocol.Feig, BaudRate: 38400, SecuredAfi: 0x07, LoanedAfi: 0xC2 });
        Assert.Contains(profiles, p => p is { Name: "pad-3m", Protocol: RfidReaderProtocol.ThreeM, SecuredAfi: 0xD7, LoanedAfi: 0xDA });
    }

    [Fact]
    public void A_FEIG_profile_without_serial_settings_gets_the_manuals_38400_8E1()
    {
        var path = Write("feig.json", """{ "name": "pad", "protocol": "Feig", "port": "/dev/ttyUSB0" }""");

        var profile = RfidReaderProfileLoader.Load(path);

        Assert.Equal(38400, profile.BaudRate);
        Assert.Equal(System.IO.Ports.Parity.Even, profile.Parity);
        Assert.False(profile.DtrEnable);
        Assert.False(profile.RtsEnable);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_naming_the_file_and_the_key()
    {
        var path = Write("bad.json", """
            { "name": "Pad 1", "protocol": "ThreeM", "port": "", "antennas": [1, 2], "securityMode": "Eas",
              "securedAfi": 7, "loanedAfi": 7, "pollInterval": "00:00:30" }
            """);

        var failure = Assert.Throws<RfidReaderProfileException>(() => RfidReaderProfileLoader.Load(path));

        Assert.Contains(path, failure.Message, StringComparison.Ordinal);
        foreach (var key in new[] { "name", "port", "pollInterval", "securedAfi and loanedAfi", "securityMode", "antennas" })
        {
            Assert.Contains(failure.Problems, p => p.StartsWith(key, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_file_that_is_not_JSON_is_reported_with_its_line()
    {
        var path = Write("broken.json", "{ \"name\": \"pad\",\n  \"protocol\": Feig }");

        var failure = Assert.Throws<RfidReaderProfileException>(() => RfidReaderProfileLoader.Load(path));

        Assert.Contains("not valid JSON at line 2", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_readers_with_one_name_are_refused()
    {
        Write("a.json", """{ "name": "pad", "protocol": "Feig", "port": "/dev/ttyUSB0" }""");
        Write("b.json", """{ "name": "pad", "protocol": "Feig", "port": "/dev/ttyUSB1" }""");

        var failure = Assert.Throws<RfidReaderProfileException>(() => RfidReaderProfileLoader.LoadAll(_folder));

        Assert.Contains("named 'pad'", failure.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string json)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, json);
        return path;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KioskController.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("KioskController.sln not found above the test's folder.");
    }
}
