using System.Text;
using Kiosk.Protocols.Printing.EscPos;

namespace Kiosk.Protocols.Tests.Printing;

/// <summary>
/// Byte values from TCVN 5712:1993 VN3 (Wikipedia "VSCII", checked against glibc's TCVN5712-1 converter) and the
/// escpos-printer-db transcription of Epson pages 30 and 31.
/// </summary>
public sealed class Tcvn3EncodingTests
{
    private static readonly string[] Vowels = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
    private static readonly string[] Tones = [string.Empty, "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"];

    public static TheoryData<string> EveryVietnameseLetter()
    {
        var data = new TheoryData<string>();
        foreach (var vowel in Vowels)
        {
            foreach (var tone in Tones)
            {
                var letter = (vowel + tone).Normalize(NormalizationForm.FormC);
                data.Add(letter);
                data.Add(letter.ToUpperInvariant());
            }
        }

        data.Add("đ");
        data.Add("Đ");
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryVietnameseLetter))]
    public void Every_vowel_with_every_tone_in_both_cases_round_trips_through_its_table(string letter)
    {
        var c = letter[0];
        var table = Tcvn3Encoding.Classify(c) == Tcvn3CharacterClass.Capital ? Tcvn3Table.Capitals : Tcvn3Table.Lowercase;

        Assert.NotEqual(Tcvn3CharacterClass.Unsupported, Tcvn3Encoding.Classify(c));
        Assert.True(Tcvn3Encoding.TryEncode(c, table, out var value));
        Assert.Equal(c, Tcvn3Encoding.Decode(value, table));
    }

    [Theory]
    [InlineData('á', 0xB8)]
    [InlineData('à', 0xB5)]
    [InlineData('ạ', 0xB9)]
    [InlineData('ặ', 0xC6)]
    [InlineData('ấ', 0xCA)]
    [InlineData('ẻ', 0xCE)]
    [InlineData('ĩ', 0xDC)]
    [InlineData('ỏ', 0xE1)]
    [InlineData('ủ', 0xF1)]
    [InlineData('ự', 0xF9)]
    [InlineData('ỵ', 0xFE)]
    [InlineData('ă', 0xA8)]
    [InlineData('ư', 0xAD)]
    [InlineData('đ', 0xAE)]
    public void Lowercase_letters_have_the_VN3_byte_values(char letter, int expected)
    {
        Assert.True(Tcvn3Encoding.TryEncode(letter, Tcvn3Table.Lowercase, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData('Á', 0xB8)]
    [InlineData('Ấ', 0xCA)]
    [InlineData('Ự', 0xF9)]
    [InlineData('Ỵ', 0xFE)]
    [InlineData('Ă', 0xA1)]
    [InlineData('Â', 0xA2)]
    [InlineData('Đ', 0xA7)]
    [InlineData('Ê', 0xAA)]
    [InlineData('Ư', 0xAD)]
    public void Capitals_use_the_capitals_table_byte_values(char letter, int expected)
    {
        Assert.Equal(Tcvn3CharacterClass.Capital, Tcvn3Encoding.Classify(letter));
        Assert.False(Tcvn3Encoding.TryEncode(letter, Tcvn3Table.Lowercase, out _));
        Assert.True(Tcvn3Encoding.TryEncode(letter, Tcvn3Table.Capitals, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Each_table_carries_the_67_letters_VN3_adds_to_ASCII()
    {
        Assert.Equal(67, Tcvn3Encoding.LowercaseLetters.Count);
        Assert.Equal(67, Tcvn3Encoding.CapitalLetters.Count);
    }

    [Fact]
    public void Page_30_reads_VN3s_own_capital_positions_as_capitals()
    {
        Assert.Equal("ĂÂÊÔƠƯĐ", Tcvn3Encoding.Decode([0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7], Tcvn3Table.Lowercase));
    }

    [Fact]
    public void ASCII_is_the_same_in_both_tables()
    {
        Assert.Equal("Hello 42!"u8.ToArray(), Tcvn3Encoding.Encode("Hello 42!", Tcvn3Table.Capitals));
        Assert.Equal(Tcvn3CharacterClass.Ascii, Tcvn3Encoding.Classify('Z'));
    }

    [Fact]
    public void Decomposed_input_is_composed_before_encoding()
    {
        Assert.Equal([0x56, 0x69, 0xD6, 0x74], Tcvn3Encoding.Encode("Vie\u0302\u0323t", Tcvn3Table.Lowercase));
    }

    [Fact]
    public void Characters_no_table_carries_are_reported_by_index_for_raster_fallback()
    {
        Assert.Equal([4, 7], Tcvn3Encoding.FindUnencodable("Phí €5 €"));
        Assert.Equal(Tcvn3CharacterClass.Unsupported, Tcvn3Encoding.Classify('书'));
        Assert.Throws<ArgumentException>(() => Tcvn3Encoding.Encode("5€", Tcvn3Table.Lowercase));
    }

    [Fact]
    public void Unassigned_bytes_decode_as_the_replacement_character()
    {
        Assert.Equal('\uFFFD', Tcvn3Encoding.Decode(0x80, Tcvn3Table.Lowercase));
        Assert.Equal('\uFFFD', Tcvn3Encoding.Decode(0xB0, Tcvn3Table.Capitals));
    }
}
