using System.Text;
using Kiosk.Protocols.Tags;

namespace Kiosk.Protocols.Tests.Tags;

public sealed class Crc16CcittFalseTests
{
    [Fact]
    public void Check_value_of_123456789_is_0x29B1()
    {
        // CRC RevEng catalogue, CRC-16/IBM-3740 (alias CRC-16/CCITT-FALSE): check = 0x29b1.
        Assert.Equal(0x29B1, Crc16CcittFalse.Compute(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void Reference_string_of_the_Danish_data_model_gives_0x1AEE()
    {
        // libdanrfid CRC.java: referenceString "RFID tag data model", referenceCRC "1aee".
        Assert.Equal(0x1AEE, Crc16CcittFalse.Compute(Encoding.ASCII.GetBytes("RFID tag data model")));
    }

    [Fact]
    public void Update_over_pieces_equals_compute_over_the_whole()
    {
        var bytes = Encoding.ASCII.GetBytes("123456789");
        var pieces = Crc16CcittFalse.Update(Crc16CcittFalse.Compute(bytes.AsSpan(0, 4)), bytes.AsSpan(4));
        Assert.Equal(Crc16CcittFalse.Compute(bytes), pieces);
    }
}
