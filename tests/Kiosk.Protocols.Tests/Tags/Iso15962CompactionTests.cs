using Kiosk.Protocols.Tags;

namespace Kiosk.Protocols.Tests.Tags;

public sealed class Iso15962CompactionTests
{
    // Worked examples from dp2's TestDp2Library/TestRfid.cs; the page numbers cite GB/T 35660.2-2017.
    [Theory]
    [InlineData(TagCompactionScheme.UnsignedInteger, "123456789012", "1CBE991A14")] // GB/T 35660.2 p.31
    [InlineData(TagCompactionScheme.UnsignedInteger, "1203", "04B3")] // GB/T 35660.2 p.32
    [InlineData(TagCompactionScheme.UnsignedInteger, "10", "0A")]
    [InlineData(TagCompactionScheme.Numeric, "00", "00")]
    [InlineData(TagCompactionScheme.Numeric, "010", "010F")]
    [InlineData(TagCompactionScheme.FiveBit, "ABC", "0886")]
    [InlineData(TagCompactionScheme.FiveBit, "]^_", "EFBE")]
    [InlineData(TagCompactionScheme.SixBit, "ABC123456", "0420F1CB3D35DA")] // GB/T 35660.2 p.39
    [InlineData(TagCompactionScheme.SixBit, "ABC1234", "0420F1CB3D20")]
    [InlineData(TagCompactionScheme.SixBit, "QA268.L55", "441CB6E2E335D6")] // GB/T 35660.2 p.32
    [InlineData(TagCompactionScheme.SevenBit, "12345678", "62C99B46AD9BB8")]
    [InlineData(TagCompactionScheme.SevenBit, "123456781234567", "62C99B46AD9BB862C99B46AD9BFF")]
    public void Published_examples_encode_and_decode(TagCompactionScheme scheme, string text, string hex)
    {
        Assert.Equal(hex, Convert.ToHexString(Iso15962Compaction.Encode(scheme, text)));
        Assert.True(Iso15962Compaction.TryDecode(scheme, Convert.FromHexString(hex), out var decoded));
        Assert.Equal(text, decoded);
    }

    [Theory]
    [InlineData("123456789012", TagCompactionScheme.UnsignedInteger)] // GB/T 35660.2 example
    [InlineData("1203", TagCompactionScheme.UnsignedInteger)] // tie with numeric: the earlier scheme wins, as in the GB example
    [InlineData("0014815", TagCompactionScheme.Numeric)] // leading zero: the inventory-app vector uses numeric
    [InlineData("QA268.L55", TagCompactionScheme.SixBit)]
    [InlineData("YST0450585", TagCompactionScheme.SixBit)] // RobotDroid vector
    [InlineData("BA", TagCompactionScheme.FiveBit)] // Zhiyan's ONIX media format
    [InlineData("Lịch sử Việt Nam", TagCompactionScheme.Utf8)]
    [InlineData("Café", TagCompactionScheme.Octet)]
    [InlineData("abc def", TagCompactionScheme.SevenBit)]
    public void Most_compact_scheme_is_chosen(string text, TagCompactionScheme expected)
    {
        Assert.Equal(expected, Iso15962Compaction.EncodeMostCompact(text).Scheme);
    }

    [Theory]
    [InlineData("0A")] // a nibble above 9
    [InlineData("F1")] // the fill nibble before the end
    public void Numeric_with_nibbles_that_are_not_digits_is_refused(string hex)
    {
        Assert.False(Iso15962Compaction.TryDecode(TagCompactionScheme.Numeric, Convert.FromHexString(hex), out _));
    }

    [Fact]
    public void Invalid_utf8_is_refused()
    {
        Assert.False(Iso15962Compaction.TryDecode(TagCompactionScheme.Utf8, [0xC3, 0x28], out _));
    }

    [Fact]
    public void Six_bit_never_takes_a_trailing_space_that_the_fill_would_swallow()
    {
        Assert.False(Iso15962Compaction.CanEncode(TagCompactionScheme.SixBit, "ABC1234 "));
    }
}
