using System.Text;
using Kiosk.Protocols.Sip2;

namespace Kiosk.Protocols.Tests.Sip2;

public sealed class Sip2ChecksumTests
{
    // Captured frames published in open-source SIP2 clients; each checksum was checked by hand against the spec's rule
    // ("Checksums and Sequence Numbers": two's complement of the 16-bit byte sum up to and including "AZ").
    [Theory]
    [InlineData("9900802.00AY1AZ", "FCA0")] // SC Status, from a Python selfcheck test fixture.
    [InlineData("990   2.00AY1AZ", "FCD8")] // SC Status with a blank print width, from a Java SIP2 client's comment.
    [InlineData("941AY1AZ", "FDFC")] // Login Response, from a Ruby SIP2 client's spec.
    [InlineData("98YYYYYN60000320130424    1135112.00AOEPLMNA|AMEPLMNA|BXYYYYYYYYYYYNNYYY|ANSIPCHK|AY1AZ", "E80C")] // Evergreen ACS Status.
    public void Checksum_of_published_frames_matches_their_AZ_field(string upToAz, string expected)
    {
        var checksum = Sip2Checksum.Compute(Encoding.ASCII.GetBytes(upToAz));
        Span<byte> hex = stackalloc byte[4];
        Sip2Checksum.Format(checksum, hex);
        Assert.Equal(expected, Encoding.ASCII.GetString(hex));
    }
}
