using System.Text.Json;
using Kioskctl;

namespace Kioskctl.Tests;

public sealed class DecodeReaderFrameCommandTests
{
    // FEIG ID CPR manual H20800-16e-ID-B, Annex F, p.164: a Read Multiple Blocks reply of three 4-byte blocks.
    private const string AnnexFReadReply = "17 00 B0 00 03 04 00 04 03 02 01 00 14 13 12 11 00 24 23 22 21 B4 5B";

    // Read Multiple Blocks request laid out per §7.1.3, p.93 (addressed, SEC set, blocks 0–7).
    private const string ReadRequest = "11 FF B0 23 09 E0 04 01 00 31 26 91 17 00 08 0A 62";

    // 3m-810.pl (Dobrica Pavlinusic's 3M 810 protocol-discovery script): a captured one-tag inventory reply and a
    // captured Write AFI request.
    private const string ThreeMOneTagReply = "d6000ffe00000501e00401003123aa26941a";
    private const string ThreeMWriteAfiRequest = "D6 00 0C 09 E0 04 01 00 31 23 AA 26 D7 3A F0";

    [Fact]
    public void Feig_reply_json_has_crc_command_status_and_the_decoded_blocks()
    {
        var run = Run("decode", "feig", AnnexFReadReply, "--from", "reader", "--request", ReadRequest, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.True(root.GetProperty("crcValid").GetBoolean());
        Assert.Equal("B0", root.GetProperty("command").GetString());
        Assert.Equal("00", root.GetProperty("status").GetString());
        var blocks = root.GetProperty("response").GetProperty("blocks");
        Assert.Equal(["01020304", "11121314", "21222324"], blocks.EnumerateArray().Select(block => block.GetProperty("data").GetString()));
    }

    [Fact]
    public void Feig_request_json_decodes_the_request_and_has_no_status()
    {
        var run = Run("decode", "feig", "10 FF B0 27 01 E0 04 01 00 31 26 91 17 C2 F1 A8", "--from", "host", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.True(root.GetProperty("crcValid").GetBoolean());
        Assert.Equal("B0", root.GetProperty("command").GetString());
        Assert.False(root.TryGetProperty("status", out _));
        Assert.Equal("FeigWriteAfiRequest", root.GetProperty("messageType").GetString());
        Assert.Equal("E004010031269117", root.GetProperty("request").GetProperty("uid").GetString());
        Assert.Equal("C2", root.GetProperty("request").GetProperty("afi").GetString());
    }

    [Fact]
    public void Feig_iso_error_reply_names_the_error_in_text()
    {
        var run = Run("decode", "feig", "07 00 B0 95 10 72 FD", "--from", "reader");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Status      95", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("block not available", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("CRC         valid (72FD)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Feig_block_reply_without_its_request_decodes_raw_and_says_how_to_get_more()
    {
        var run = Run("decode", "feig", AnnexFReadReply, "--from", "reader", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("FeigStatusResponse", json.RootElement.GetProperty("messageType").GetString());
        Assert.Contains("--request", json.RootElement.GetProperty("statusMeaning").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Feig_wrong_crc_exits_1_and_names_both_crcs()
    {
        var run = Run("decode", "feig", "05 FF 63 D3 AF", "--from", "host", "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("D3AF", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("D3AE", run.Stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.False(json.RootElement.GetProperty("crcValid").GetBoolean());
    }

    [Fact]
    public void Feig_truncated_frame_exits_1_with_the_reason()
    {
        var run = Run("decode", "feig", "17 00 B0 00 03 04 00", "--from", "reader");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("truncated frame", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("23 bytes", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Feig_malformed_request_option_exits_1()
    {
        var run = Run("decode", "feig", AnnexFReadReply, "--from", "reader", "--request", "05 FF");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--request", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("feig", "06 FF 52 00 0F 6E", "Baud Rate Detection")]
    [InlineData("3m", "D6 00 0C 13 04 01 00 02 00 03 00 04 00 AA F2", "UndocumentedStartup")]
    [InlineData("3m", "D6 00 03 11 64 20", "ReaderVersion")]
    [InlineData("3m", "D5 00 05 04 00 11 8C 66", "HardwareVersion (D5 probe)")]
    public void Commands_a_host_sends_at_start_are_named(string protocol, string frame, string name)
    {
        // The start-up commands of Biblio-RFID's drivers (lib/Biblio/RFID/Reader/CPRM02.pm and 3M810.pm, init).
        var run = Run("decode", protocol, frame, "--from", "host", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(name, json.RootElement.GetProperty("commandName").GetString());
    }

    [Fact]
    public void Three_m_reply_json_has_crc_command_status_and_the_tags()
    {
        var run = Run("decode", "3m", ThreeMOneTagReply, "--from", "reader", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.True(root.GetProperty("crcValid").GetBoolean());
        Assert.Equal("FE", root.GetProperty("command").GetString());
        Assert.Equal("00", root.GetProperty("status").GetString());
        Assert.Equal("E00401003123AA26", root.GetProperty("response").GetProperty("tags")[0].GetProperty("uid").GetString());
    }

    [Fact]
    public void Three_m_request_text_names_the_command_and_the_afi()
    {
        var run = Run("decode", "3m", ThreeMWriteAfiRequest, "--from", "host");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Command     09 WriteAfi", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("afi: D7", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Three_m_wrong_crc_exits_1()
    {
        var run = Run("decode", "3m", "D6 00 0C 09 E0 04 01 00 31 23 AA 26 D7 3A F1", "--from", "host", "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("3AF0", run.Stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.False(json.RootElement.GetProperty("crcValid").GetBoolean());
    }

    [Fact]
    public void Three_m_error_reply_names_the_error_and_the_tag()
    {
        // "D6 00 0D 02 06 <uid>" is what 3m-810.pl expects when a tag leaves the field during a read; CRC filled in.
        var run = Run("decode", "3m", "D6 00 0D 02 06 E0 04 01 00 31 26 91 17 00 82 E8", "--from", "reader", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal("06", root.GetProperty("status").GetString());
        Assert.Contains("no transponder", root.GetProperty("statusMeaning").GetString(), StringComparison.Ordinal);
        Assert.Equal("E004010031269117", root.GetProperty("response").GetProperty("uid").GetString());
    }

    [Theory]
    [InlineData("feig", "05 FF 6")]
    [InlineData("3m", "zz")]
    public void Input_that_is_not_hex_exits_1(string protocol, string frame)
    {
        var run = Run("decode", protocol, frame, "--from", "host");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("hex", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Direction_is_required()
    {
        var run = Run("decode", "feig", "05 FF 63 D3 AE");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--from", run.Stderr, StringComparison.Ordinal);
    }

    private static CliRun Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = KioskctlApp.Run(args, stdout, stderr);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }
}
