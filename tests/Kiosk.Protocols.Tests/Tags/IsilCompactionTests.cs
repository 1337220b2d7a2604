using Kiosk.Protocols.Tags;

namespace Kiosk.Protocols.Tests.Tags;

public sealed class IsilCompactionTests
{
    // dp2's TestRfid.cs Test_isil_1 and Test_isil_2; US-InU-Mu is also the owner in GB/T 35660.2's final example.
    [Theory]
    [InlineData("DE-Heu1", "21408E16BF1F")]
    [InlineData("US-InU-Mu", "ACC09EBAA06F6B")]
    public void Published_isil_examples_encode_and_decode(string isil, string hex)
    {
        Assert.Equal(hex, Convert.ToHexString(IsilCompaction.Encode(isil)));
        Assert.True(IsilCompaction.TryDecode(Convert.FromHexString(hex), out var decoded));
        Assert.Equal(isil, decoded);
    }

    [Theory]
    [InlineData("ZYLS", "D6593F")] // Zhiyan and inventory-app vectors; rfid-codec asserts "ZYLS"
    [InlineData("YST", "CCE9")] // RobotDroid vector; rfid-codec asserts "YST"
    public void Vendor_isils_decode(string isil, string hex)
    {
        Assert.True(IsilCompaction.TryDecode(Convert.FromHexString(hex), out var decoded));
        Assert.Equal(isil, decoded);
    }

    [Theory]
    [InlineData("VN-HNLIB")]
    [InlineData("CN-120104-C-YBL")]
    [InlineData("DK-710100")]
    [InlineData("a:b/c-9:Z")]
    [InlineData("0")]
    public void Isils_round_trip(string isil)
    {
        Assert.True(IsilCompaction.TryDecode(IsilCompaction.Encode(isil), out var decoded));
        Assert.Equal(isil, decoded);
    }

    [Fact]
    public void A_shift_followed_by_another_switch_is_refused()
    {
        // 11101 (shift to lower) then 11100 (latch): a shift must be followed by a character.
        Assert.False(IsilCompaction.TryDecode([0b1110_1111, 0b0000_0000], out _));
    }
}
