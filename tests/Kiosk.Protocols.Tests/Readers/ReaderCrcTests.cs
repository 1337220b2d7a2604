using System.Text;
using Kiosk.Protocols.Readers.Feig;
using Kiosk.Protocols.Readers.ThreeM;

namespace Kiosk.Protocols.Tests.Readers;

public sealed class ReaderCrcTests
{
    private static readonly byte[] CheckInput = Encoding.ASCII.GetBytes("123456789");

    [Fact]
    public void Feig_crc_of_the_catalogue_check_string_is_6F91()
    {
        Assert.Equal(0x6F91, FeigCrc.Compute(CheckInput));
        Assert.Equal(FeigCrc.CheckValue, FeigCrc.Compute(CheckInput));
    }

    [Fact]
    public void Three_m_crc_of_the_catalogue_check_string_is_D64E()
    {
        Assert.Equal(0xD64E, ThreeMCrc.Compute(CheckInput));
        Assert.Equal(ThreeMCrc.CheckValue, ThreeMCrc.Compute(CheckInput));
    }

    [Fact]
    public void Three_m_crc_matches_the_specification_bcc_example()
    {
        // 3M Model 210 protocol specification §4 "BCC": "D6 00 09 03 00 02 00 00 00 03 … resulting CRC = 12 E6".
        Assert.Equal(0x12E6, ThreeMCrc.Compute(Hex.Bytes("00 09 03 00 02 00 00 00 03")));
    }

    [Theory]
    [InlineData("1E FF B0 24 01 E0 07 00 00 01 47 67 7E 00 03 04 04 03 02 01 14 13 12 11 24 23 22 21", 0x347C)]
    [InlineData("17 00 B0 00 03 04 00 04 03 02 01 00 14 13 12 11 00 24 23 22 21", 0x5BB4)]
    public void Feig_crc_matches_the_manual_annex_f_frames(string frameWithoutCrc, int crc)
    {
        // ID CPR manual Annex F, p.164: the CRC column reads "7C 34" and "B4 5B", low byte first.
        Assert.Equal(crc, FeigCrc.Compute(Hex.Bytes(frameWithoutCrc)));
    }
}
