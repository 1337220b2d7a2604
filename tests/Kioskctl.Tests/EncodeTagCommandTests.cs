using System.Text.Json;

namespace Kioskctl.Tests;

public sealed class EncodeTagCommandTests
{
    [Fact]
    public void Danish_encoding_of_the_libdanrfid_item_starts_with_its_published_basic_block()
    {
        var run = DecodeTagCommandTests.Run("encode", "tag", "--model", "iso28560-3", "--item", "11223344", "--owner", "DE-705");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("11010131313232333334340000000000000000513E4445373035000000000000", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("iso28560-2")]
    [InlineData("iso28560-3")]
    public void Encoded_hex_decodes_back_to_the_same_item(string model)
    {
        var encode = DecodeTagCommandTests.Run("encode", "tag", "--model", model, "--item", "30000012345678", "--owner", "VN-HNLIB", "--parts", "3", "--part", "2", "--usage", "not-for-loan");
        Assert.Equal(0, encode.ExitCode);

        var decode = DecodeTagCommandTests.Run("decode", "tag", "--json", encode.Stdout.Trim());

        Assert.Equal(0, decode.ExitCode);
        using var json = JsonDocument.Parse(decode.Stdout);
        var root = json.RootElement;
        Assert.Equal(model, root.GetProperty("model").GetString());
        Assert.Equal("30000012345678", root.GetProperty("primaryItemId").GetString());
        Assert.Equal("VN-HNLIB", root.GetProperty("ownerInstitution").GetString());
        Assert.Equal("VN", root.GetProperty("country").GetString());
        Assert.Equal(3, root.GetProperty("partsInItem").GetInt32());
        Assert.Equal(2, root.GetProperty("partNumber").GetInt32());
        Assert.Equal("not-for-loan", root.GetProperty("typeOfUsage").GetString());
    }

    [Fact]
    public void Three_m_encoding_matches_biblio_rfid_tag_2()
    {
        // Biblio-RFID t/05-RFID501.t, tag 2: 04 11 00 01, barcode 1302003767, zeros.
        var run = DecodeTagCommandTests.Run("encode", "tag", "--model", "3m", "--item", "1302003767");

        Assert.Equal("0411000131333032303033373637000000000000000000000000000000000000", run.Stdout.Trim());
    }

    [Fact]
    public void Vendor_variant_is_written_when_asked()
    {
        var encode = DecodeTagCommandTests.Run("encode", "tag", "--model", "iso28560-3", "--item", "11223344", "--usage", "discarded", "--variant", "blocks-reversed-nibbles-swapped");
        var decode = DecodeTagCommandTests.Run("decode", "tag", "--json", encode.Stdout.Trim());

        using var json = JsonDocument.Parse(decode.Stdout);
        Assert.Equal("blocks-reversed-nibbles-swapped", json.RootElement.GetProperty("variant").GetString());
        Assert.Equal("discarded", json.RootElement.GetProperty("typeOfUsage").GetString());
    }

    [Fact]
    public void Item_that_does_not_fit_exits_1_with_the_reason()
    {
        var run = DecodeTagCommandTests.Run("encode", "tag", "--model", "3m", "--item", "12345678901234567");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("1 to 16 printable ASCII characters", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void Missing_model_is_a_usage_error()
    {
        Assert.NotEqual(0, DecodeTagCommandTests.Run("encode", "tag", "--item", "1").ExitCode);
    }
}
