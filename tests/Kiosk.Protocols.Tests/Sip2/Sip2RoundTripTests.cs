using System.Text;
using Kiosk.Protocols.Sip2;
using Kiosk.Protocols.Sip2.Messages;

namespace Kiosk.Protocols.Tests.Sip2;

public sealed class Sip2RoundTripTests
{
    private const string VietnameseName = "Nguyễn Văn An";
    private const string VietnameseTitle = "Truyện Kiều, tập 2";
    private const string VietnameseMessage = "Sách đã được mượn — hạn trả: 15/03. Cảm ơn bạn!";

    public static TheoryData<string> VietnameseCharsets => ["utf-8", "windows-1258"];

    public static TheoryData<string> AsciiCharsets => ["iso-8859-1", "ibm850", "us-ascii"];

    [Fact]
    public void Samples_cover_all_31_message_types()
    {
        var commands = Sip2SampleMessages.All("a", "b", "c").Select(message => message.Command).ToHashSet();
        Assert.Equal(31, commands.Count);
        Assert.All(commands, command => Assert.NotNull(Sip2Command.NameOf(command)));
    }

    [Theory]
    [MemberData(nameof(VietnameseCharsets))]
    public void Every_message_type_round_trips_Vietnamese_text(string charset)
    {
        AssertRoundTrips(charset, VietnameseName, VietnameseTitle, VietnameseMessage);
    }

    [Theory]
    [MemberData(nameof(AsciiCharsets))]
    public void Every_message_type_round_trips_ascii_text(string charset)
    {
        AssertRoundTrips(charset, "Nguyen Van An", "Truyen Kieu, tap 2", "Due back 15/03 - thank you!");
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("windows-1258")]
    [InlineData("ibm850")]
    public void Repeated_and_unknown_fields_keep_their_order_and_bytes(string charset)
    {
        var options = new Sip2CodecOptions { Encoding = Sip2Charset.Get(charset) };
        var text = charset == "ibm850" ? "Tran Thi B" : "Trần Thị Bích";

        // Koha adds PB (birth date), PC (category) and CV (alert type); they stand between the spec's fields.
        var message = new PatronInformationResponse
        {
            TransactionDate = Sip2SampleMessages.When,
            Fields = Sip2FieldList.Of(
                new Sip2Field("AO", "HNLIB"),
                new Sip2Field("AA", "P0001"),
                new Sip2Field("AE", text),
                new Sip2Field("PB", "19900101"),
                new Sip2Field("AU", "B0003"),
                new Sip2Field("AS", "H1"),
                new Sip2Field("AU", "B0001"),
                new Sip2Field("PC", "SV"),
                new Sip2Field("AS", "H2"),
                new Sip2Field("AU", "B0002"),
                new Sip2Field("AF", text),
                new Sip2Field("CV", "01"),
                new Sip2Field("AG", "line 1"),
                new Sip2Field("AF", "second"),
                new Sip2Field("AG", "line 2")),
        };

        var bytes = new Sip2Encoder(options).Encode(message, 3);
        var decoded = Assert.IsType<PatronInformationResponse>(Decode(bytes, options).Message);

        Assert.Equal(message.Fields.Select(f => f.Id), decoded.Fields.Select(f => f.Id));
        Assert.Equal(["B0003", "B0001", "B0002"], decoded.ChargedItems);
        Assert.Equal(["H1", "H2"], decoded.HoldItems);
        Assert.Equal([text, "second"], decoded.ScreenMessages);
        Assert.Equal(["line 1", "line 2"], decoded.PrintLines);
        Assert.Equal("SV", decoded.Fields.Get("PC"));
        Assert.Equal(bytes, new Sip2Encoder(options).Encode(decoded, 3));
    }

    [Fact]
    public void Decoded_then_encoded_frame_with_extensions_is_byte_identical()
    {
        // A Koha-style checkout response: extension fields between and after the spec's fields, an empty AF, CR LF.
        var options = new Sip2CodecOptions { Terminator = Sip2Terminator.CarriageReturnLineFeed };
        var body = "121NNY20250301    101530AOHNLIB|AAP0001|ABB0001|AJTruyện Kiều, tập 2|AH20250315    235900|"
            + "CV02|AF|AFHạn trả: 15/03|PBx|AY4AZ";
        var upToChecksum = Encoding.UTF8.GetBytes(body);
        Span<byte> hex = stackalloc byte[4];
        Sip2Checksum.Format(Sip2Checksum.Compute(upToChecksum), hex);
        byte[] frame = [.. upToChecksum, .. hex, (byte)'\r', (byte)'\n'];

        var result = Decode(frame, options);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(["", "Hạn trả: 15/03"], Assert.IsType<CheckoutResponse>(result.Message).ScreenMessages);
        Assert.Equal(frame, new Sip2Encoder(options).Encode(result.Message!, result.SequenceNumber!.Value));
    }

    [Fact]
    public void Encoding_without_error_detection_writes_no_sequence_or_checksum()
    {
        var options = new Sip2CodecOptions { ErrorDetection = false };
        var bytes = new Sip2Encoder(options).Encode(new LoginResponse { Ok = true });

        Assert.Equal("941\r", Encoding.ASCII.GetString(bytes));
        var result = Decode(bytes, options);
        Assert.Equal(Sip2ChecksumStatus.Absent, result.Checksum);
        Assert.Null(result.SequenceNumber);
    }

    [Fact]
    public void Vietnamese_text_in_a_charset_that_cannot_carry_it_is_refused_with_the_character_named()
    {
        var encoder = new Sip2Encoder(new Sip2CodecOptions { Encoding = Sip2Charset.Get("ibm850") });
        var message = new EndSessionResponse { TransactionDate = Sip2SampleMessages.When, ScreenMessages = ["Tạm biệt"] };

        var error = Assert.Throws<Sip2EncodingException>(() => encoder.Encode(message));
        Assert.Contains("'ạ'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ibm850", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    private static void AssertRoundTrips(string charset, string name, string title, string message)
    {
        var options = new Sip2CodecOptions { Encoding = Sip2Charset.Get(charset) };
        var encoder = new Sip2Encoder(options);
        var sequence = 0;
        foreach (var original in Sip2SampleMessages.All(name, title, message))
        {
            sequence = (sequence + 1) % 10;
            var bytes = encoder.Encode(original, sequence);
            var result = Decode(bytes, options);

            Assert.True(result.IsSuccess, $"{original.Name} under {charset}: {result.Error}");
            Assert.Equal(original, result.Message);
            Assert.Equal(bytes, encoder.Encode(result.Message!, result.SequenceNumber ?? 0));
        }
    }

    private static Sip2DecodeResult Decode(byte[] bytes, Sip2CodecOptions options)
    {
        var decoder = new Sip2FrameDecoder(options);
        decoder.Feed(bytes);
        Assert.True(decoder.TryRead(out var result));
        Assert.False(decoder.TryRead(out _));
        return result;
    }
}
