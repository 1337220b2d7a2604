using Kiosk.Protocols.Readers.Feig;

namespace Kiosk.Protocols.Tests.Readers;

public sealed class FeigStatusTests
{
    public static TheoryData<FeigStatus> Statuses => [.. Enum.GetValues<FeigStatus>()];

    public static TheoryData<Iso15693ErrorCode> IsoErrors => [.. Enum.GetValues<Iso15693ErrorCode>()];

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Every_status_code_of_annex_c_has_its_own_meaning(FeigStatus status)
    {
        var meaning = FeigStatusText.Describe(status);

        Assert.DoesNotContain("not listed", meaning, StringComparison.Ordinal);
        Assert.Single(Enum.GetValues<FeigStatus>(), other => FeigStatusText.Describe(other) == meaning);
    }

    [Fact]
    public void Annex_c_lists_nineteen_status_codes_and_all_are_named()
    {
        // ID CPR manual Annex C, p.156–157: 00–05, 08, 0E, 10, 11, 80–83, 93–96, F1.
        byte[] annexC = [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x08, 0x0E, 0x10, 0x11, 0x80, 0x81, 0x82, 0x83, 0x93, 0x94, 0x95, 0x96, 0xF1];

        Assert.Equal(annexC, Enum.GetValues<FeigStatus>().Select(status => (byte)status).Order());
    }

    [Theory]
    [InlineData(0x00, "OK")]
    [InlineData(0x01, "no transponder")]
    [InlineData(0x02, "data false")]
    [InlineData(0x03, "write error")]
    [InlineData(0x80, "unknown command")]
    [InlineData(0x81, "length error")]
    [InlineData(0x83, "RF communication error")]
    [InlineData(0x94, "more data")]
    [InlineData(0x95, "ISO 15693 error")]
    public void Status_codes_from_the_protocol_sheet_mean_what_it_says(byte code, string meaning)
    {
        Assert.Contains(meaning, FeigStatusText.Describe((FeigStatus)code), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Unlisted_status_code_says_it_is_unlisted()
    {
        Assert.Contains("0x42", FeigStatusText.Describe((FeigStatus)0x42), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(IsoErrors))]
    public void Every_iso_15693_error_code_of_annex_c1_has_its_own_meaning(Iso15693ErrorCode code)
    {
        var meaning = FeigStatusText.DescribeIsoError((byte)code);

        Assert.DoesNotContain("reserved", meaning, StringComparison.Ordinal);
        Assert.Single(Enum.GetValues<Iso15693ErrorCode>(), other => FeigStatusText.DescribeIsoError((byte)other) == meaning);
    }

    [Theory]
    [InlineData(0xA0, "custom")]
    [InlineData(0xDF, "custom")]
    [InlineData(0x20, "reserved")]
    public void Iso_error_codes_outside_the_table_are_named_by_range(byte code, string word)
    {
        Assert.Contains(word, FeigStatusText.DescribeIsoError(code), StringComparison.Ordinal);
    }
}
