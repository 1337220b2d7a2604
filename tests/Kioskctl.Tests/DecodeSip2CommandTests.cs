using System.Text.Json;
using Kioskctl;

namespace Kioskctl.Tests;

public sealed class DecodeSip2CommandTests
{
    // Evergreen's ACS Status as published in open-source SIP2 clients' fixtures.
    private const string EvergreenAcsStatus = "98YYYYYN60000320130424    1135112.00AOEPLMNA|AMEPLMNA|BXYYYYYYYYYYYNNYYY|ANSIPCHK|AY1AZE80C";

    // A Patron Information request published in the Shortgrass/MeCard SIP2 formatter's comments: blank fixed fields, a PIN.
    private const string PatronInformationWithPin = "63                               AO|AA25021000719291|AD1861|AY1AZF3AF";

    [Theory]
    [InlineData("")]
    [InlineData("\r")]
    [InlineData("\\r")]
    [InlineData("\r\n")]
    public void Decode_accepts_the_line_however_it_was_pasted(string ending)
    {
        var run = Run("decode", "sip2", EvergreenAcsStatus + ending);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Contains("98 ACS Status", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Checksum    valid (AZE80C)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_explains_fixed_fields_and_names_variable_fields()
    {
        var run = Run("decode", "sip2", EvergreenAcsStatus);

        Assert.Contains("timeout period", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("2013-04-24 11:35:11 local", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("AN  terminal location   SIPCHK", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Sequence    1", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_masks_passwords_in_text_output()
    {
        var run = Run("decode", "sip2", "9300CNkiosk01|COs3cret!|CPHN|AY1AZ" + Checksum("9300CNkiosk01|COs3cret!|CPHN|AY1AZ"));

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("s3cret!", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.Contains("CO  login password  ****", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_masks_passwords_in_json_output()
    {
        var run = Run("decode", "sip2", "--json", PatronInformationWithPin);

        Assert.DoesNotContain("1861", run.Stdout, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("****", json.RootElement.GetProperty("fields").GetProperty("AD").GetString());
    }

    [Fact]
    public void Json_output_has_the_documented_shape()
    {
        var frame = "64              00020250301    1015300000000000020000    0000AOHNLIB|AAP1|AENguyễn Văn An|AUB1|AUB2|PCSV|AY4AZ";
        var run = Run("decode", "sip2", "--json", frame + Checksum(frame));

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal("64", root.GetProperty("command").GetString());
        Assert.Equal("Patron Information Response", root.GetProperty("name").GetString());
        Assert.Equal(4, root.GetProperty("sequence").GetInt32());
        Assert.True(root.GetProperty("checksumValid").GetBoolean());
        var fields = root.GetProperty("fields");
        Assert.Equal("Nguyễn Văn An", fields.GetProperty("AE").GetString());
        Assert.Equal(JsonValueKind.Array, fields.GetProperty("AU").ValueKind);
        Assert.Equal(["B1", "B2"], fields.GetProperty("AU").EnumerateArray().Select(value => value.GetString()));
        Assert.Equal("SV", fields.GetProperty("PC").GetString());
        Assert.Equal("unknown (extension)", root.GetProperty("fieldList")[5].GetProperty("name").GetString());
        Assert.Equal("charged items count", root.GetProperty("fixedFields")[5].GetProperty("name").GetString());
    }

    [Fact]
    public void Json_output_without_error_detection_has_null_sequence_and_checksum()
    {
        var run = Run("decode", "sip2", "--json", "941");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("sequence").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("checksumValid").ValueKind);
    }

    [Fact]
    public void Wrong_checksum_exits_1_and_says_which_checksum_was_expected()
    {
        // Published with a wrong checksum in a TypeScript SIP2 listener's tests; "941AY1AZ" sums to FDFC.
        var run = Run("decode", "sip2", "--json", "941AY1AZFEF6");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FDFC", run.Stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.False(json.RootElement.GetProperty("checksumValid").GetBoolean());
    }

    [Fact]
    public void Malformed_message_exits_1_with_position_and_reason_on_stderr()
    {
        // dp2's SIP2 tests: an ACS Status whose fixed part stops before the protocol version.
        var run = Run("decode", "sip2", "98YYYYYN18018020250226    095853AOCN-0000001-ZG|AF|AG|AY1AZF38D");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("position 32", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("protocol version: expected x.xx", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_charset_exits_1_and_lists_the_known_ones()
    {
        var run = Run("decode", "sip2", "--charset", "klingon", "941");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("windows-1258", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_1258_charset_checks_the_checksum_over_1258_bytes()
    {
        // "Nguyễn" is N g u y 0xEA 0xDE n in windows-1258: 7 bytes, checksummed as such.
        var body = "36Y20250301    101530AOHNLIB|AAP1|AFNguyễn|AY2AZ";
        var windows1258 = Kiosk.Protocols.Sip2.Sip2Charset.Get("windows-1258");
        var sum = Kiosk.Protocols.Sip2.Sip2Checksum.Compute(Kiosk.Protocols.Sip2.Sip2Charset.GetWireBytes(windows1258, body));
        var frame = body + sum.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(0, Run("decode", "sip2", "--charset", "windows-1258", frame).ExitCode);
        Assert.Equal(1, Run("decode", "sip2", frame).ExitCode);
    }

    [Fact]
    public void Unknown_command_is_shown_with_its_body_and_secrets_masked()
    {
        var run = Run("decode", "sip2", "55hello|AD999|");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("hello|AD****|", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("999", run.Stdout, StringComparison.Ordinal);
    }

    internal static CliRun Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = KioskctlApp.Run(args, stdout, stderr);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    private static string Checksum(string upToAz) =>
        Kiosk.Protocols.Sip2.Sip2Checksum.Compute(System.Text.Encoding.UTF8.GetBytes(upToAz)).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
}
