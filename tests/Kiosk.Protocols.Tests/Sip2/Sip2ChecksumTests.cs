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

    [Fact]
    public void Checksum_is_summed_over_the_charset_bytes_not_the_characters()
    {
        // "Nguyễn Văn An": ễ and ă are two UTF-8 bytes each, so the byte sum and the UTF-16 code-unit sum differ.
        const string upToAz = "24              00020250301    101530AOHNLIB|AAP1|AENguyễn Văn An|AY1AZ";
        var bytes = Encoding.UTF8.GetBytes(upToAz);
        var characterSum = (ushort)(-upToAz.Sum(c => (int)c) & 0xFFFF);
        var byteSum = Sip2Checksum.Compute(bytes);
        Assert.NotEqual(characterSum, byteSum);

        var frame = new Sip2Encoder().Encode(
            new Kiosk.Protocols.Sip2.Messages.PatronStatusResponse
            {
                TransactionDate = Sip2Timestamp.Local(new DateTime(2025, 3, 1, 10, 15, 30)),
                InstitutionId = "HNLIB",
                PatronIdentifier = "P1",
                PersonalName = "Nguyễn Văn An",
            },
            1);
        Span<byte> hex = stackalloc byte[4];
        Sip2Checksum.Format(byteSum, hex);
        Assert.Equal([.. bytes, .. hex.ToArray(), (byte)'\r'], frame);
    }

    [Fact]
    public void Checksum_plus_the_summed_bytes_is_zero_as_the_spec_says_to_verify()
    {
        // Spec, "Checksums and Sequence Numbers": adding the checksum to the byte sum gives zero (mod 2^16).
        var bytes = Encoding.UTF8.GetBytes("98YYYYYN60000320130424    1135112.00AOEPLMNA|AMEPLMNA|BXYYYYYYYYYYYNNYYY|ANSIPCHK|AY1AZ");
        var sum = bytes.Sum(b => b);
        Assert.Equal(0, (sum + Sip2Checksum.Compute(bytes)) & 0xFFFF);
    }

    [Theory]
    [InlineData("E80C", 0xE80C)]
    [InlineData("e80c", 0xE80C)]
    public void Checksum_parses_hex_in_either_case(string text, int expected)
    {
        Assert.True(Sip2Checksum.TryParse(Encoding.ASCII.GetBytes(text), out var checksum));
        Assert.Equal(expected, checksum);
    }

    [Theory]
    [InlineData("E80")]
    [InlineData("E80G")]
    public void Checksum_refuses_text_that_is_not_four_hex_digits(string text)
    {
        Assert.False(Sip2Checksum.TryParse(Encoding.ASCII.GetBytes(text), out _));
    }
}
