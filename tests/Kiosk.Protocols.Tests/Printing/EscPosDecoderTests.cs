using Kiosk.Protocols.Printing.EscPos;

namespace Kiosk.Protocols.Tests.Printing;

public sealed class EscPosDecoderTests
{
    [Fact]
    public void Text_decodes_with_the_page_the_job_selected()
    {
        // "Việt" in page 30, then "ĐÀ" in page 31.
        byte[] job = [0x1B, 0x40, 0x1B, 0x74, 30, 0x56, 0x69, 0xD6, 0x74, 0x0A, 0x1B, 0x74, 31, 0xA7, 0xB5, 0x0A];

        var document = EscPosDecoder.DecodeAll(job);

        Assert.Equal("Việt\nĐÀ\n", document.Text);
        Assert.Equal([30, 31], document.Items.Where(item => item.Kind == EscPosItemKind.Text).Select(item => (int)item.CodePage!.Value));
    }

    [Fact]
    public void CP1258_combining_tone_marks_are_composed()
    {
        // windows-1258: 'a' then combining acute 0xEC.
        var document = EscPosDecoder.DecodeAll([0x1B, 0x74, 52, 0x61, 0xEC]);

        Assert.Equal("á", document.Text);
    }

    [Fact]
    public void PC437_is_the_page_before_any_ESC_t()
    {
        Assert.Equal("é", EscPosDecoder.DecodeAll([0x82]).Text);
    }

    [Fact]
    public void Feeding_one_byte_at_a_time_gives_the_same_items_as_feeding_the_whole_job()
    {
        var job = new EscPosWriter().Initialize().SelectCodePage(30).Text([0x56, 0x69, 0xD6, 0x74]).LineFeed()
            .Raster(Bitmap()).QrCode("X"u8).Code128("AB").Cut(EscPosCutMode.Partial, 3).ToArray();
        var decoder = new EscPosDecoder();

        foreach (var b in job)
        {
            decoder.Feed([b]);
        }

        decoder.Complete();
        var items = new List<EscPosDecodedItem>();
        while (decoder.TryRead(out var item))
        {
            items.Add(item);
        }

        var whole = EscPosDecoder.DecodeAll(job).Items;
        Assert.Equal(whole.Select(item => (item.Offset, item.Name, Convert.ToHexString(item.Bytes))), items.Select(item => (item.Offset, item.Name, Convert.ToHexString(item.Bytes))));
        Assert.DoesNotContain(items, item => item.Kind is EscPosItemKind.Unknown or EscPosItemKind.Malformed);
    }

    [Fact]
    public void Every_command_the_encoder_emits_decodes_back_to_an_equal_record()
    {
        EscPosCommand[] commands =
        [
            new InitializeCommand(), new SelectCodePageCommand(31), new BoldCommand(true), new AlignCommand(EscPosAlignment.Right),
            new CharacterSizeCommand(2, 3), new LineFeedCommand(), new FeedLinesCommand(2), new FeedDotsCommand(40),
            new CutCommand(EscPosCutMode.Full), new CutCommand(EscPosCutMode.Partial, 5), new BarcodeHeightCommand(60),
            new BarcodeHriPositionCommand(EscPosHriPosition.Above), new RealTimeStatusRequestCommand(RealTimeStatusKind.OfflineCause),
        ];
        var bytes = new EscPosWriter().WriteAll(commands).ToArray();

        var decoded = EscPosDecoder.DecodeAll(bytes).Items.Select(item => item.Command).ToArray();

        Assert.Equal(commands.Select(command => command.GetType()), decoded.Select(command => command!.GetType()));
        Assert.Equal(commands.Select(command => Convert.ToHexString(command.ToBytes())), decoded.Select(command => Convert.ToHexString(command!.ToBytes())));
    }

    [Fact]
    public void Raster_images_are_summarised_by_size_and_carry_their_bitmap()
    {
        var document = EscPosDecoder.DecodeAll(new RasterImageCommand(new MonochromeBitmap(576, 120)).ToBytes());

        var raster = Assert.Single(document.Items);
        Assert.Equal("raster 576×120 dots, 8640 bytes", raster.Summary);
        Assert.Equal(120, Assert.IsType<RasterImageCommand>(raster.Command).Bitmap.Height);
    }

    [Fact]
    public void Unknown_commands_are_skipped_by_their_documented_length_and_reported_with_their_bytes()
    {
        // ESC ! 0x08 (print mode) is not one we emit; its parameter must not read as text.
        var document = EscPosDecoder.DecodeAll([0x1B, 0x21, 0x08, 0x41, 0x1B, 0x01, 0x42]);

        Assert.Equal("AB", document.Text);
        Assert.Equal(2, document.UnknownCount);
        Assert.Equal(["1B2108", "1B01"], document.Items.Where(item => item.Kind == EscPosItemKind.Unknown).Select(item => Convert.ToHexString(item.Bytes)));
    }

    [Fact]
    public void A_job_that_ends_inside_a_raster_image_is_reported_as_truncated()
    {
        var bytes = new RasterImageCommand(new MonochromeBitmap(16, 4)).ToBytes()[..10];

        var document = EscPosDecoder.DecodeAll(bytes);

        var problem = Assert.Single(document.Problems);
        Assert.Equal(0, problem.Offset);
        Assert.Contains("ends inside a command starting 1D763000", problem.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_raster_header_claiming_more_than_the_limit_is_malformed_and_does_not_stall_the_decoder()
    {
        byte[] bytes = [0x1D, 0x76, 0x30, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x41];

        var document = EscPosDecoder.DecodeAll(bytes);

        Assert.Single(document.Problems);
        Assert.Equal("A", document.Text);
    }

    [Fact]
    public void Text_waits_for_its_end_until_the_job_completes()
    {
        var decoder = new EscPosDecoder();
        decoder.Feed("Hel"u8);
        decoder.Feed("lo"u8);

        Assert.False(decoder.TryRead(out _));
        decoder.Complete();
        Assert.True(decoder.TryRead(out var item));
        Assert.Equal("Hello", item.Text);
    }

    [Fact]
    public void Random_bytes_never_throw_and_every_byte_is_accounted_for()
    {
        var random = new Random(20250701);
        for (var run = 0; run < 300; run++)
        {
            var bytes = new byte[random.Next(0, 400)];
            random.NextBytes(bytes);

            // Bias towards command prefixes so the parsers, not just the text path, see garbage.
            for (var i = 0; i < bytes.Length; i += random.Next(1, 6))
            {
                bytes[i] = (byte)(random.Next(4) switch { 0 => 0x1B, 1 => 0x1D, 2 => 0x10, _ => 0x1C });
            }

            var decoder = new EscPosDecoder(new EscPosDecoderOptions { MaxImageBytes = 4096 });
            var position = 0;
            while (position < bytes.Length)
            {
                var chunk = Math.Min(random.Next(1, 50), bytes.Length - position);
                decoder.Feed(bytes.AsSpan(position, chunk));
                position += chunk;
            }

            decoder.Complete();
            long covered = 0;
            while (decoder.TryRead(out var item))
            {
                Assert.Equal(covered, item.Offset);
                covered += item.Bytes.Length;
            }

            Assert.Equal(bytes.Length, covered);
        }
    }

    [Fact]
    public void Items_nobody_reads_are_capped_the_oldest_dropped_and_counted()
    {
        // Line noise of unknown two-byte commands: one item per two bytes, 1 MiB fed and nothing read.
        var noise = new byte[1024 * 1024];
        for (var i = 0; i < noise.Length; i += 2)
        {
            noise[i] = 0x1B;
            noise[i + 1] = 0x01;
        }

        var decoder = new EscPosDecoder(new EscPosDecoderOptions { MaxPendingItems = 1000 });
        decoder.Feed(noise);

        Assert.Equal(1000, decoder.PendingItems);
        Assert.Equal((noise.Length / 2) - 1000, decoder.DroppedItems);
        Assert.True(decoder.Pending < 64 * 1024, $"{decoder.Pending} bytes buffered");
        Assert.True(decoder.TryRead(out var oldestKept));
        Assert.Equal(noise.Length - (1000 * 2), oldestKept.Offset);
    }

    [Fact]
    public void A_reader_that_drains_after_each_feed_and_DecodeAll_lose_nothing_to_the_cap()
    {
        var job = new byte[20_000];
        for (var i = 0; i < job.Length; i += 2)
        {
            job[i] = 0x1B;
            job[i + 1] = 0x01;
        }

        var options = new EscPosDecoderOptions { MaxPendingItems = 100 };
        var decoder = new EscPosDecoder(options);
        var read = 0;
        for (var start = 0; start < job.Length; start += 100)
        {
            decoder.Feed(job.AsSpan(start, 100));
            while (decoder.TryRead(out _))
            {
                read++;
            }
        }

        Assert.Equal(job.Length / 2, read);
        Assert.Equal(0, decoder.DroppedItems);
        Assert.Equal(job.Length / 2, EscPosDecoder.DecodeAll(job, options).Items.Count);
    }

    private static MonochromeBitmap Bitmap()
    {
        var bitmap = new MonochromeBitmap(16, 4);
        bitmap[3, 1] = true;
        return bitmap;
    }
}
