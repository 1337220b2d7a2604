using Kiosk.Protocols.Readers;

namespace Kiosk.Protocols.Tests.Readers;

public sealed class TransponderUidTests
{
    [Fact]
    public void Uid_text_reads_most_significant_byte_first_as_on_the_wire()
    {
        var uid = TransponderUid.ReadBigEndian(Hex.Bytes("E0 04 01 00 31 26 91 17"));

        Assert.Equal("E004010031269117", uid.ToString());
        Assert.Equal(0x04, uid.ManufacturerCode);
    }

    [Theory]
    [InlineData("E004010031269117", true)]
    [InlineData("e004010031269117", true)]
    [InlineData("E00401003126911", false)]
    [InlineData("E00401003126911G", false)]
    [InlineData(null, false)]
    public void Uid_parses_only_sixteen_hex_digits(string? text, bool parses)
    {
        Assert.Equal(parses, TransponderUid.TryParse(text, out _));
    }
}
