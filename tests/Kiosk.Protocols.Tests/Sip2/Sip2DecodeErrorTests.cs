using System.Text;
using Kiosk.Protocols.Sip2;

namespace Kiosk.Protocols.Tests.Sip2;

public sealed class Sip2DecodeErrorTests
{
    // Each malformed frame, where its error starts, and words the reason must hold.
    [Theory]
    [InlineData("9", 0, "two-character command")]
    [InlineData("X4", 0, "two-digit command")]
    [InlineData("94", 2, "ok: expected 1 character(s)")]
    [InlineData("947", 2, "ok: expected 0 or 1, found '7'")]
    [InlineData("12X", 2, "ok: expected 0 or 1")]
    [InlineData("121NXY20250301    101530AO|", 4, "magnetic media: expected Y, N or U, found 'X'")]
    [InlineData("121NNY2025030     101530AO|", 6, "transaction date: expected a date YYYYMMDDZZZZHHMMSS")]
    [InlineData("121NNY20250301   x101530AO|", 6, "expected the zone ZZZZ")]
    [InlineData("121NNY20250301    1015", 6, "transaction date: expected 18 character(s)")]
    [InlineData("9900802.0", 6, "protocol version: expected 4 character(s)")]
    [InlineData("99008020.0", 6, "protocol version: expected x.xx such as 2.00, found '20.0'")]
    [InlineData("993", 2, "status code: expected one of '012'")]
    [InlineData("990ABC2.00", 3, "max print width: expected 3 digits")]
    [InlineData("64              00020250301    101530000X", 37, "hold items count: expected 4 digits")]
    [InlineData("63ABC", 2, "language: expected 3 digits")]
    [InlineData("18XX", 2, "circulation status: expected 2 digits")]
    [InlineData("15?20250301    101530", 2, "hold mode: expected one of '+-*'")]
    [InlineData("36Y20250301    101530AOx|A", 25, "expected a two-character field identifier")]
    [InlineData("36Y20250301    101530AOx|-Bx|", 25, "expected a field identifier of two letters or digits, found '-B'")]
    [InlineData("941AY1AZFDFG", 8, "checksum: expected four hex digits after AZ, found 'FDFG'")]
    [InlineData("941AYXAZ0000", 5, "sequence number: expected a digit 0-9 after AY, found 'X'")]
    public void Decode_error_names_the_position_and_what_was_expected(string frame, int position, string reason)
    {
        var result = Sip2MessageParser.Parse(Encoding.ASCII.GetBytes(frame));

        Assert.Null(result.Message);
        Assert.NotNull(result.Error);
        Assert.Equal(position, result.Error.Position);
        Assert.Contains(reason, result.Error.Reason, StringComparison.Ordinal);
        Assert.Contains("expected", result.Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_character_in_a_field_is_an_error_at_its_position()
    {
        var result = Sip2MessageParser.Parse("36Y20250301    101530AFab\u0007c|"u8.ToArray());

        Assert.NotNull(result.Error);
        Assert.Equal(25, result.Error.Position);
        Assert.Contains("field AF: expected printable characters, found control character 0x07", result.Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void NUL_byte_is_an_error_at_its_character_position()
    {
        // Two-byte "ạ" before the NUL: the position counts characters, not bytes.
        var result = Sip2MessageParser.Parse([.. "36Y20250301    101530AFạ"u8, 0x00, .. "|"u8]);

        Assert.NotNull(result.Error);
        Assert.Equal(24, result.Error.Position);
        Assert.Contains("expected printable text, found a NUL byte", result.Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_error_lists_the_fixed_fields_read_before_it()
    {
        var result = Sip2MessageParser.Parse(Encoding.ASCII.GetBytes("121NXY20250301    101530AO|"));

        Assert.Equal(["ok", "renewal ok"], result.FixedFields.Select(field => field.Name));
        Assert.Equal(3, result.FixedFields[1].Position);
    }

    [Fact]
    public void Unknown_command_is_kept_whole_rather_than_refused()
    {
        // Spec, "Commands": unrecognised command identifiers are ignored, so a relay can pass them on.
        var result = Sip2MessageParser.Parse(Encoding.ASCII.GetBytes("55hello|AY2AZFB9F"));

        Assert.Null(result.Error);
        Assert.Equal(Sip2ChecksumStatus.Valid, result.Checksum);
        var unknown = Assert.IsType<Kiosk.Protocols.Sip2.Messages.UnknownMessage>(result.Message);
        Assert.Equal("55", unknown.Command);
        Assert.Equal("hello|", unknown.Body);
    }

    [Fact]
    public void An_unknown_message_whose_body_holds_a_CR_cannot_be_encoded_into_two_frames()
    {
        var encoder = new Sip2Encoder(new Sip2CodecOptions { ErrorDetection = false });

        Assert.Throws<Sip2EncodingException>(() => encoder.Encode(new Kiosk.Protocols.Sip2.Messages.UnknownMessage("XX", "abc\r99")));
        Assert.Throws<ArgumentException>(() => new Kiosk.Protocols.Sip2.Messages.UnknownMessage("\r1", string.Empty));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(int.MaxValue)]
    public void A_frame_decoder_refuses_a_maximum_frame_length_that_makes_no_sense(int length) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sip2FrameDecoder(new Sip2CodecOptions { MaxFrameLength = length }));
}
