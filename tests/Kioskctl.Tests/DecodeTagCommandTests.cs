using System.Text.Json;
using Kioskctl;

namespace Kioskctl.Tests;

public sealed class DecodeTagCommandTests
{
    // GB/T 35660.2-2017's complete ISO 28560-2 example, as quoted in dp2's UnitTestRFID/TestChip.cs.
    private const string GbExample = "91 00 05 1c be 99 1a 14 02 01 d0 14 02 04 b3 46 07 44 1c b6 e2 e3 35 d6 83 02 07 ac c0 9e ba a0 6f 6b 00 00";

    // libdanrfid's DDMDataTest.java basic block: barcode 11223344, CRC 0x3E51, DE, ISIL 705.
    private const string Danish = "11010131313232333334340000000000000000513e4445373035000000000000";

    // Biblio-RFID t/05-RFID501.t, 3M tag 2.
    private const string ThreeM = "0411000131333032303033373637000000000000000000000000000000000000";

    [Fact]
    public void Json_output_has_the_documented_keys_for_iso_28560_2()
    {
        var run = Run("decode", "tag", "--json", GbExample);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal("iso28560-2", root.GetProperty("model").GetString());
        Assert.Equal("123456789012", root.GetProperty("primaryItemId").GetString());
        Assert.Equal("US-InU-Mu", root.GetProperty("ownerInstitution").GetString());
        Assert.Equal("US", root.GetProperty("country").GetString());
        Assert.Equal(12, root.GetProperty("partsInItem").GetInt32());
        Assert.Equal(3, root.GetProperty("partNumber").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("typeOfUsage").ValueKind);
        Assert.Equal("QA268.L55", root.GetProperty("shelfLocation").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("crcValid").ValueKind);
        Assert.Equal("standard", root.GetProperty("variant").GetString());
    }

    [Fact]
    public void Json_output_for_a_danish_tag_carries_crc_valid_and_usage()
    {
        var run = Run("decode", "tag", "--json", Danish);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal("iso28560-3", root.GetProperty("model").GetString());
        Assert.True(root.GetProperty("crcValid").GetBoolean());
        Assert.Equal("circulating", root.GetProperty("typeOfUsage").GetString());
        Assert.Equal("DE", root.GetProperty("country").GetString());
        Assert.False(root.TryGetProperty("shelfLocation", out _));
    }

    [Theory]
    [InlineData("11:01:01:31:31:32:32:33:33:34:34:00:00:00:00:00:00:00:00:51:3e:44:45:37:30:35:00:00:00:00:00:00")]
    [InlineData("0x" + Danish)]
    [InlineData("11 01 01 31 31 32 32 33 33 34 34 00 00 00 00 00 00 00 00 51 3E 44 45 37 30 35 00 00 00 00 00 00")]
    public void Hex_is_accepted_however_it_was_pasted(string hex)
    {
        var run = Run("decode", "tag", hex);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("iso28560-3", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("11223344", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_crc_exits_1_with_the_reason_on_stderr_and_crc_valid_false()
    {
        var run = Run("decode", "tag", "--json", Danish.Replace("513e", "513f", StringComparison.Ordinal));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("corrupt tag", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("0x3F51", run.Stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.False(json.RootElement.GetProperty("crcValid").GetBoolean());
    }

    [Theory]
    [InlineData("00000000 00000000", "blank tag")]
    [InlineData("48656c6c6f2c2074686973206973206e6f742061206c696272617279207461672e", "foreign tag")]
    public void Blank_and_foreign_tags_exit_1_and_say_so(string hex, string verdict)
    {
        var run = Run("decode", "tag", hex);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(verdict, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Three_m_tag_shows_its_3m_fields_and_a_null_crc()
    {
        var run = Run("decode", "tag", "--json", ThreeM);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal("3m", root.GetProperty("model").GetString());
        Assert.Equal("1302003767", root.GetProperty("primaryItemId").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("crcValid").ValueKind);
        Assert.Equal(1, root.GetProperty("threeMItemType").GetInt32());
    }

    [Fact]
    public void Forced_model_that_does_not_fit_exits_1()
    {
        var run = Run("decode", "tag", "--model", "3m", GbExample);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("04 ps 00", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Dsfid_hint_is_taken_from_the_command_line()
    {
        // Shelf location before the primary item id: only the DSFID 0x06 hint makes auto-detection claim it.
        const string reordered = "46 07 44 1c b6 e2 e3 35 d6 11 05 1c be 99 1a 14 00";

        Assert.Equal(1, Run("decode", "tag", reordered).ExitCode);
        Assert.Equal(0, Run("decode", "tag", "--dsfid", "06", reordered).ExitCode);
    }

    [Theory]
    [InlineData("123", "odd count")]
    [InlineData("12zz", "'z' is not a hex digit")]
    public void Unreadable_hex_exits_1_and_says_why(string hex, string message)
    {
        var run = Run("decode", "tag", hex);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_output_lists_the_elements_and_the_reason()
    {
        var run = Run("decode", "tag", GbExample);

        Assert.Contains("Reason      5 ISO 15962 data sets", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("shelf location", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("OID 6, 6-bit, 7 bytes at byte 15", run.Stdout, StringComparison.Ordinal);
    }

    internal static CliRun Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = KioskctlApp.Run(args, stdout, stderr);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }
}
