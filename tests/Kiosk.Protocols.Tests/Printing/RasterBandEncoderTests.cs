using Kiosk.Protocols.Printing.EscPos;

namespace Kiosk.Protocols.Tests.Printing;

public sealed class RasterBandEncoderTests
{
    [Fact]
    public void Only_inked_rows_are_rasterised_and_blank_rows_become_paper_feeds()
    {
        // 24 dots wide (3 bytes a row), 40 rows: ink in rows 0–1 (first byte) and 30–31 (second byte).
        var bitmap = new MonochromeBitmap(24, 40);
        SetRow(bitmap, 0, [0xF0, 0x00, 0x00]);
        SetRow(bitmap, 1, [0xF0, 0x00, 0x00]);
        SetRow(bitmap, 30, [0x00, 0x18, 0x00]);
        SetRow(bitmap, 31, [0x00, 0x18, 0x00]);

        var plan = RasterBandEncoder.Encode(bitmap);

        Assert.Equal(
            "1D763000" + "0100" + "0200" + "F0F0"
            + "1B4A1C"
            + "1D763000" + "0200" + "0200" + "00180018"
            + "1B4A08",
            Convert.ToHexString(plan.Bytes));
        Assert.Equal(28, plan.ByteCount);
    }

    [Fact]
    public void A_one_row_gap_between_lines_stays_in_the_band_because_a_feed_and_new_header_cost_more()
    {
        var bitmap = new MonochromeBitmap(8, 3);
        SetRow(bitmap, 0, [0x81]);
        SetRow(bitmap, 2, [0x81]);

        var plan = RasterBandEncoder.Encode(bitmap);

        Assert.Equal("1D763000" + "0100" + "0300" + "810081", Convert.ToHexString(plan.Bytes));
    }

    [Fact]
    public void Tall_stretches_are_split_into_bands_no_taller_than_the_profile_allows()
    {
        var bitmap = new MonochromeBitmap(8, 10);
        for (var y = 0; y < 10; y++)
        {
            bitmap[0, y] = true;
        }

        var plan = RasterBandEncoder.Encode(bitmap, new RasterBandOptions { MaxBandHeight = 4 });

        var heights = plan.Commands.OfType<RasterImageCommand>().Select(band => band.Bitmap.Height).ToArray();
        Assert.Equal([4, 4, 2], heights);
    }

    [Fact]
    public void Band_byte_limit_also_splits_bands()
    {
        var bitmap = new MonochromeBitmap(80, 10);
        for (var y = 0; y < 10; y++)
        {
            bitmap[79, y] = true;
        }

        var plan = RasterBandEncoder.Encode(bitmap, new RasterBandOptions { MaxBandBytes = 30 });

        Assert.All(plan.Commands.OfType<RasterImageCommand>(), band => Assert.True(band.Bitmap.PackedRows.Length <= 30));
        Assert.Equal(10, plan.Commands.OfType<RasterImageCommand>().Sum(band => band.Bitmap.Height));
    }

    [Fact]
    public void Without_right_trimming_every_band_keeps_the_full_width()
    {
        var bitmap = new MonochromeBitmap(24, 1);
        bitmap[0, 0] = true;

        var plan = RasterBandEncoder.Encode(bitmap, new RasterBandOptions { TrimRight = false });

        Assert.Equal("1D763000" + "0300" + "0100" + "800000", Convert.ToHexString(plan.Bytes));
    }

    [Fact]
    public void Feeds_longer_than_255_dots_are_split_and_a_blank_bitmap_is_only_feeds()
    {
        var plan = RasterBandEncoder.Encode(new MonochromeBitmap(576, 300));

        Assert.Equal("1B4AFF" + "1B4A2D", Convert.ToHexString(plan.Bytes));
    }

    [Fact]
    public void A_sparse_576_dot_slip_costs_a_fraction_of_the_naive_raster_and_reports_its_link_time()
    {
        // Ten 24-dot "text lines" of 200 inked dots each, 32 dots apart, on a 576 × 400 slip.
        var bitmap = new MonochromeBitmap(576, 400);
        for (var line = 0; line < 10; line++)
        {
            for (var y = line * 40; y < (line * 40) + 24; y++)
            {
                for (var x = 0; x < 200; x += 3)
                {
                    bitmap[x, y] = true;
                }
            }
        }

        var plan = RasterBandEncoder.Encode(bitmap);
        var naive = 8 + (72 * 400);

        Assert.Equal(10 * (8 + (25 * 24)) + (10 * 3), plan.ByteCount);
        Assert.True(plan.ByteCount * 4 < naive);
        Assert.Equal(TimeSpan.FromSeconds(plan.ByteCount * 10.0 / 38400), plan.TransmissionTime(38400));
    }

    [Fact]
    public void Bitmap_clears_bits_past_its_width_so_they_never_print()
    {
        var bitmap = new MonochromeBitmap(4, 1, [0xFF]);

        Assert.Equal([0xF0], bitmap.PackedRows.ToArray());
    }

    private static void SetRow(MonochromeBitmap bitmap, int y, byte[] packed)
    {
        for (var x = 0; x < bitmap.Width; x++)
        {
            bitmap[x, y] = (packed[x / 8] & (0x80 >> (x % 8))) != 0;
        }
    }
}
