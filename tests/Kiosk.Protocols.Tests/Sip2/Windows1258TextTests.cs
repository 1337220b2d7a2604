using System.Text;
using Kiosk.Protocols.Sip2;
using Kiosk.Protocols.Sip2.Messages;

namespace Kiosk.Protocols.Tests.Sip2;

public sealed class Windows1258TextTests
{
    // The twelve Vietnamese vowels; windows-1258 has â ă ê ô ơ ư precomposed (0xE2 0xE3 0xEA 0xF4 0xF5 0xFD).
    private const string Vowels = "aăâeêioôơuưy";

    // Without tone, then huyền (grave), sắc (acute), ngã (tilde), hỏi (hook above), nặng (dot below).
    private static readonly string[] Tones = [string.Empty, "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];

    // The tone bytes windows-1258 assigns: 0xCC, 0xEC, 0xDE, 0xD2, 0xF2 (Microsoft's cp1258 table).
    private static readonly byte[] ToneBytes = [0, 0xCC, 0xEC, 0xDE, 0xD2, 0xF2];

    private static readonly Encoding Windows1258 = Sip2Charset.Get("windows-1258");

    [Fact]
    public void Dotnet_codepage_encoder_alone_rejects_precomposed_toned_letters()
    {
        // Why the codec converts: the table has no byte for "ấ" or "ạ", so the exception fallback throws.
        Assert.Throws<EncoderFallbackException>(() => Windows1258.GetBytes("ấ"));
        Assert.Throws<EncoderFallbackException>(() => Windows1258.GetBytes("ạ"));
        Assert.Equal([0xE2, 0xEC], Windows1258.GetBytes("â\u0301"));
    }

    [Fact]
    public void Every_Vietnamese_vowel_with_every_tone_in_both_cases_survives_windows_1258()
    {
        var checkedLetters = 0;
        foreach (var vowel in Vowels)
        {
            foreach (var upper in new[] { false, true })
            {
                var baseLetter = upper ? char.ToUpperInvariant(vowel) : vowel;
                var baseBytes = Windows1258.GetBytes(baseLetter.ToString());
                Assert.Single(baseBytes);
                for (var tone = 0; tone < Tones.Length; tone++)
                {
                    var letter = (baseLetter + Tones[tone]).Normalize(NormalizationForm.FormC);
                    Assert.Equal(1, letter.Length);

                    var wire = Windows1258.GetBytes(Windows1258Text.ToWireForm(letter));
                    byte[] expected = tone == 0 ? baseBytes : [baseBytes[0], ToneBytes[tone]];
                    Assert.Equal(expected, wire);
                    Assert.Equal(letter, Windows1258Text.FromWireForm(Windows1258.GetString(wire)));
                    checkedLetters++;
                }
            }
        }

        Assert.Equal(12 * 2 * 6, checkedLetters);
    }

    [Fact]
    public void Consonants_including_d_with_stroke_pass_through_unchanged()
    {
        const string consonants = "bcdđghklmnpqrstvxBCDĐGHKLMNPQRSTVX";
        var wire = Windows1258.GetBytes(Windows1258Text.ToWireForm(consonants));

        Assert.Equal(consonants.Length, wire.Length);
        Assert.Equal(0xF0, wire[3]);
        Assert.Equal(consonants, Windows1258Text.FromWireForm(Windows1258.GetString(wire)));
    }

    [Theory]
    [InlineData("ấ", new byte[] { 0xE2, 0xEC })]
    [InlineData("ạ", new byte[] { 0x61, 0xF2 })]
    [InlineData("Ặ", new byte[] { 0xC3, 0xF2 })]
    [InlineData("ự", new byte[] { 0xFD, 0xF2 })]
    [InlineData("Ở", new byte[] { 0xD5, 0xD2 })]
    [InlineData("á", new byte[] { 0x61, 0xEC })]
    [InlineData("Nguyễn", new byte[] { 0x4E, 0x67, 0x75, 0x79, 0xEA, 0xDE, 0x6E })]
    public void Toned_letters_are_written_as_base_letter_and_combining_tone(string text, byte[] expected)
    {
        Assert.Equal(expected, Windows1258.GetBytes(Windows1258Text.ToWireForm(text)));
    }

    [Fact]
    public void A_peer_sending_precomposed_bytes_is_read_as_the_same_text()
    {
        // 0xE1 is "á" precomposed, which 1258 also has; NFC makes it equal to "a" + 0xEC.
        Assert.Equal("á", Windows1258Text.FromWireForm(Windows1258.GetString([0xE1])));
        Assert.Equal("á", Windows1258Text.FromWireForm(Windows1258.GetString([0x61, 0xEC])));
    }

    [Fact]
    public void Encoder_writes_decomposed_tones_and_parser_returns_NFC_with_a_checksum_over_the_wire_bytes()
    {
        var options = new Sip2CodecOptions { Encoding = Windows1258 };
        var message = new PatronStatusResponse { TransactionDate = Sip2SampleMessages.When, InstitutionId = "HNLIB", PatronIdentifier = "P1", PersonalName = "Nguyễn Văn An" };

        var frame = new Sip2Encoder(options).Encode(message, 1);

        // "ễ" is 0xEA 0xDE on the wire; the checksum counts both bytes.
        var nameAt = frame.AsSpan().IndexOf("AENguy"u8) + 6;
        Assert.Equal([0xEA, 0xDE], frame[nameAt..(nameAt + 2)]);
        var azAt = frame.AsSpan().LastIndexOf("AZ"u8) + 2;
        Span<byte> expectedHex = stackalloc byte[4];
        Sip2Checksum.Format(Sip2Checksum.Compute(frame.AsSpan(0, azAt)), expectedHex);
        Assert.Equal(expectedHex.ToArray(), frame[azAt..(azAt + 4)]);

        var result = Sip2MessageParser.Parse(frame.AsSpan(0, frame.Length - 1), options);
        Assert.Equal(Sip2ChecksumStatus.Valid, result.Checksum);
        var name = Assert.IsType<PatronStatusResponse>(result.Message).PersonalName;
        Assert.Equal("Nguyễn Văn An", name);
        Assert.True(name.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Utf8_text_is_not_normalised_so_utf8_frames_stay_byte_identical()
    {
        // Under UTF-8 the codec passes text through: a peer's decomposed "a" + U+0301 comes back as sent.
        var options = Sip2CodecOptions.Default;
        var message = new EndSessionResponse { TransactionDate = Sip2SampleMessages.When, ScreenMessages = ["a\u0301"] };
        var frame = new Sip2Encoder(options).Encode(message, 1);

        var decoded = Assert.IsType<EndSessionResponse>(Sip2MessageParser.Parse(frame.AsSpan(0, frame.Length - 1), options).Message);
        Assert.Equal("a\u0301", decoded.ScreenMessages[0]);
    }
}
