using Kiosk.Devices.Printers.Rendering;

namespace Kiosk.Devices.Tests.Printers;

public sealed class Code128EncoderTests
{
    [Fact]
    public void Every_CODE128_symbol_is_eleven_modules_wide_and_the_stop_symbol_thirteen()
    {
        for (var symbol = 0; symbol < 106; symbol++)
        {
            Assert.Equal(11, Code128Encoder.WidthsOf(symbol).Sum(c => c - '0'));
        }

        Assert.Equal(13, Code128Encoder.WidthsOf(106).Sum(c => c - '0'));
    }

    [Fact]
    public void No_two_CODE128_symbols_share_a_pattern()
    {
        var patterns = Enumerable.Range(0, 107).Select(Code128Encoder.WidthsOf).ToList();

        Assert.Equal(patterns.Count, patterns.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_check_symbol_is_the_weighted_sum_modulo_103_starting_from_start_B()
    {
        // "AB": start B 104 + 'A' (33) × 1 + 'B' (34) × 2 = 205; 205 mod 103 = 102.
        var symbols = Code128Encoder.Symbols("AB");

        Assert.Equal([104, 33, 34, 102, 106], symbols);
    }

    [Fact]
    public void A_symbol_starts_with_a_bar_and_ends_with_the_stop_bar()
    {
        var modules = Code128Encoder.Modules("NLV-1");

        Assert.Equal((7 * 11) + 13, modules.Length);
        Assert.True(modules[0]);
        Assert.True(modules[^1]);
        Assert.True(modules[^2]);
    }
}
