using System.Text;
using Kiosk.Devices.Barcode;

namespace Kiosk.Devices.Tests.Barcode;

public sealed class BarcodeLineDecoderTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData(BarcodeSuffix.CarriageReturn, "3000000001\r")]
    [InlineData(BarcodeSuffix.LineFeed, "3000000001\n")]
    [InlineData(BarcodeSuffix.CarriageReturnLineFeed, "3000000001\r\n")]
    [InlineData(BarcodeSuffix.Tab, "3000000001\t")]
    public void Each_suffix_ends_a_code(BarcodeSuffix suffix, string wire)
    {
        var decoder = new BarcodeLineDecoder(new BarcodeScannerOptions { Suffix = suffix });

        var events = Feed(decoder, wire);

        var scan = Assert.IsType<BarcodeScanned>(Assert.Single(events));
        Assert.Equal("3000000001", scan.Code);
        Assert.False(decoder.HasPending);
    }

    [Fact]
    public void Without_a_suffix_the_silence_ends_the_code()
    {
        var decoder = new BarcodeLineDecoder(new BarcodeScannerOptions { Suffix = BarcodeSuffix.None });

        Assert.Empty(Feed(decoder, "9786045"));
        Assert.Empty(Feed(decoder, "123456"));
        var events = new List<BarcodeScannerEvent>();
        decoder.EndOfGap(Now, events);

        Assert.Equal("9786045123456", Assert.IsType<BarcodeScanned>(Assert.Single(events)).Code);
    }

    [Fact]
    public void Surrounding_spaces_are_trimmed_and_the_prefix_removed()
    {
        var decoder = new BarcodeLineDecoder(new BarcodeScannerOptions { Prefix = "\u0002" });

        var events = Feed(decoder, "\u0002  TV0001 \r");

        Assert.Equal("TV0001", Assert.IsType<BarcodeScanned>(Assert.Single(events)).Code);
    }

    [Fact]
    public void Binary_noise_is_rejected_without_its_text_and_the_next_code_still_decodes()
    {
        var decoder = new BarcodeLineDecoder(new BarcodeScannerOptions());

        var events = Feed(decoder, [0x41, 0x1B, 0xFF, 0x00, 0x42, 0x0D, .. "TV0002\r"u8]);

        var rejected = Assert.IsType<BarcodeRejected>(events[0]);
        Assert.Equal(BarcodeRejectionReason.NotPrintable, rejected.Reason);
        Assert.Contains("3 outside printable ASCII (first 0x1B at offset 1)", rejected.Detail, StringComparison.Ordinal);
        Assert.Equal("TV0002", Assert.IsType<BarcodeScanned>(events[1]).Code);
        Assert.Equal(2, events.Count);
    }

    [Fact]
    public void An_over_long_line_is_reported_once_and_the_next_code_still_decodes()
    {
        var decoder = new BarcodeLineDecoder(new BarcodeScannerOptions { MaximumLength = 16 });

        var events = Feed(decoder, new string('7', 500) + "\rTV0003\r");

        var rejected = Assert.IsType<BarcodeRejected>(events[0]);
        Assert.Equal(BarcodeRejectionReason.TooLong, rejected.Reason);
        Assert.Contains("500 bytes", rejected.Detail, StringComparison.Ordinal);
        Assert.Equal("TV0003", Assert.IsType<BarcodeScanned>(events[1]).Code);
        Assert.Equal(2, events.Count);
    }

    [Fact]
    public void A_line_just_over_the_maximum_is_rejected_and_one_at_the_maximum_accepted()
    {
        var decoder = new BarcodeLineDecoder(new BarcodeScannerOptions { MaximumLength = 8 });

        var events = Feed(decoder, "123456789\r12345678\r");

        Assert.Equal(BarcodeRejectionReason.TooLong, Assert.IsType<BarcodeRejected>(events[0]).Reason);
        Assert.Equal("12345678", Assert.IsType<BarcodeScanned>(events[1]).Code);
    }

    [Fact]
    public void A_code_shorter_than_the_minimum_or_without_the_prefix_is_rejected()
    {
        var decoder = new BarcodeLineDecoder(new BarcodeScannerOptions { MinimumLength = 4, Prefix = "#" });

        var events = Feed(decoder, "#12\rTV0004\r");

        Assert.Equal(BarcodeRejectionReason.TooShort, Assert.IsType<BarcodeRejected>(events[0]).Reason);
        Assert.Equal(BarcodeRejectionReason.MissingPrefix, Assert.IsType<BarcodeRejected>(events[1]).Reason);
    }

    [Fact]
    public void Half_a_line_followed_by_silence_is_dropped_so_it_cannot_glue_onto_the_next_code()
    {
        var decoder = new BarcodeLineDecoder(new BarcodeScannerOptions());
        Feed(decoder, "30000");
        var events = new List<BarcodeScannerEvent>();

        decoder.EndOfGap(Now, events);
        events.AddRange(Feed(decoder, "TV0005\r"));

        Assert.Equal(BarcodeRejectionReason.Incomplete, Assert.IsType<BarcodeRejected>(events[0]).Reason);
        Assert.Equal("TV0005", Assert.IsType<BarcodeScanned>(events[1]).Code);
    }

    [Fact]
    public void A_blank_line_is_ignored()
    {
        var decoder = new BarcodeLineDecoder(new BarcodeScannerOptions());

        Assert.Empty(Feed(decoder, "\r \r\n\r"));
    }

    [Fact]
    public void A_scan_prints_its_length_but_never_its_code()
    {
        var text = new BarcodeScanned("BD0001", Now).ToString();

        Assert.DoesNotContain("BD0001", text, StringComparison.Ordinal);
        Assert.Contains("Length = 6", text, StringComparison.Ordinal);
    }

    private static List<BarcodeScannerEvent> Feed(BarcodeLineDecoder decoder, string wire) => Feed(decoder, Encoding.ASCII.GetBytes(wire));

    private static List<BarcodeScannerEvent> Feed(BarcodeLineDecoder decoder, byte[] wire)
    {
        var events = new List<BarcodeScannerEvent>();
        decoder.Feed(wire, Now, events);
        return events;
    }
}
