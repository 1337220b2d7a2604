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

    [Fact]
    public void Feig_crc_checked_from_a_running_register_agrees_with_the_crc_of_the_bytes()
    {
        var random = new Random(6);
        for (var round = 0; round < 2000; round++)
        {
            var stream = new byte[random.Next(2, 1200)];
            random.NextBytes(stream);
            var start = random.Next(stream.Length - 1);
            var length = random.Next(2, stream.Length - start + 1);
            if (round % 2 == 0)
            {
                // Half of them with the CRC that holds, low byte first.
                var crc = FeigCrc.Compute(stream.AsSpan(start, length - 2));
                stream[start + length - 2] = (byte)crc;
                stream[start + length - 1] = (byte)(crc >> 8);
            }

            var registers = new ushort[stream.Length + 1];
            registers[0] = 0x1234;
            for (var index = 0; index < stream.Length; index++)
            {
                registers[index + 1] = FeigCrc.Update(registers[index], stream[index]);
            }

            var frame = stream.AsSpan(start, length);
            var expected = FeigCrc.Compute(frame[..^2]) == (frame[^2] | (frame[^1] << 8));
            var holds = FeigCrc.TryHolds(registers[start], registers[start + length], length, out var known);
            Assert.True(known);
            Assert.Equal(expected, holds);
        }
    }
}
