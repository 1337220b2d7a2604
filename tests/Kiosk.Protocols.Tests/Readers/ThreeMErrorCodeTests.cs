using Kiosk.Protocols.Readers.ThreeM;

namespace Kiosk.Protocols.Tests.Readers;

public sealed class ThreeMErrorCodeTests
{
    public static TheoryData<ThreeMErrorCode> Codes => [.. Enum.GetValues<ThreeMErrorCode>()];

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_error_code_of_appendix_a_has_its_own_meaning(ThreeMErrorCode code)
    {
        var meaning = ThreeMErrorText.Describe(code);

        Assert.DoesNotContain("not listed", meaning, StringComparison.Ordinal);
        Assert.Single(Enum.GetValues<ThreeMErrorCode>(), other => ThreeMErrorText.Describe(other) == meaning);
    }

    [Fact]
    public void Appendix_a_codes_are_all_named()
    {
        // 3M Model 210 specification Appendix A, plus 0x00 "No Error" from every example.
        byte[] appendixA = [0x00, 0x02, 0x06, 0x0F, 0x11, 0x12, 0x15, 0x16, 0x21, 0x22, 0x23, 0x30, 0x31, 0x32, 0xFD, 0xFE];

        Assert.Equal(appendixA, Enum.GetValues<ThreeMErrorCode>().Select(code => (byte)code).Order());
    }

    [Fact]
    public void Unlisted_error_code_says_it_is_unlisted()
    {
        Assert.Contains("0x77", ThreeMErrorText.Describe((ThreeMErrorCode)0x77), StringComparison.Ordinal);
    }
}
