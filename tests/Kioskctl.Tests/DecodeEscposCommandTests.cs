using System.Text.Json;
using Kiosk.Protocols.Printing.EscPos;
using Kioskctl;

namespace Kioskctl.Tests;

public sealed class DecodeEscposCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kioskctl-escpos-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Json_has_the_Vietnamese_text_the_commands_and_no_unknown_commands()
    {
        var job = new EscPosWriter().Initialize().SelectCodePage(30).Text([0x56, 0x69, 0xD6, 0x74]).LineFeed()
            .SelectCodePage(31).Text([0xA7, 0xB5]).LineFeed().Cut(EscPosCutMode.Partial, 0).ToArray();

        var run = Run("decode", "escpos", Save(job), "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal("Việt\nĐÀ\n", root.GetProperty("text").GetString());
        Assert.Equal(0, root.GetProperty("unknownCommands").GetInt32());
        var commands = root.GetProperty("commands").EnumerateArray().ToList();
        Assert.Equal(["ESC @", "ESC t", "text", "LF", "ESC t", "text", "LF", "GS V"], commands.Select(command => command.GetProperty("name").GetString()));
        Assert.Equal("1B741E", commands[1].GetProperty("hex").GetString());
        Assert.Equal(2, commands[1].GetProperty("offset").GetInt32());
    }

    [Fact]
    public void A_raster_glyph_job_reads_back_as_its_Vietnamese_text_with_the_glyph_definitions_listed()
    {
        var writer = new EscPosWriter().Initialize().Write(new SelectUserCharactersCommand(true));
        new UserCharacterLineWriter(Kiosk.Devices.Printers.Rendering.UserCharacterGlyphRenderer.Shared).Write(writer, "Hạn trả: 15/07");
        var job = writer.LineFeed().Write(new SelectUserCharactersCommand(false)).ToArray();

        var run = Run("decode", "escpos", Save(job), "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("Hạn trả: 15/07\n", json.RootElement.GetProperty("text").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("unknownCommands").GetInt32());
        Assert.Contains(json.RootElement.GetProperty("commands").EnumerateArray(), command => command.GetProperty("name").GetString() == "ESC &");
    }

    [Fact]
    public void Raster_images_are_summarised_by_size_in_text_and_json()
    {
        var path = Save(new RasterImageCommand(new MonochromeBitmap(576, 120)).ToBytes());

        var text = Run("decode", "escpos", path);
        var json = Run("decode", "escpos", path, "--json");

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("raster 576×120 dots, 8640 bytes", text.Stdout, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Stdout);
        var raster = Assert.Single(document.RootElement.GetProperty("commands").EnumerateArray());
        Assert.Equal("raster 576×120 dots, 8640 bytes", raster.GetProperty("summary").GetString());
        Assert.False(raster.TryGetProperty("hex", out _));
    }

    [Fact]
    public void A_clone_s_page_numbers_decode_TCVN3_when_given_with_tcvn3_pages()
    {
        var path = Save([0x1B, 0x74, 27, 0x56, 0x69, 0xD6, 0x74]);

        var epson = Run("decode", "escpos", path, "--json");
        var clone = Run("decode", "escpos", path, "--json", "--tcvn3-pages", "27,28");

        using var epsonJson = JsonDocument.Parse(epson.Stdout);
        using var cloneJson = JsonDocument.Parse(clone.Stdout);
        Assert.NotEqual("Việt", epsonJson.RootElement.GetProperty("text").GetString());
        Assert.Equal("Việt", cloneJson.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public void Unknown_commands_are_counted_but_the_file_still_decodes()
    {
        var run = Run("decode", "escpos", Save([0x1B, 0x21, 0x08, 0x41]), "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(1, json.RootElement.GetProperty("unknownCommands").GetInt32());
        Assert.Equal("A", json.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public void A_truncated_job_exits_1_and_says_where()
    {
        var bytes = new RasterImageCommand(new MonochromeBitmap(16, 4)).ToBytes()[..10];

        var run = Run("decode", "escpos", Save(bytes));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("first at offset 0", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("[malformed]", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Codes_are_listed_with_what_they_carry_and_cuts_are_counted_in_text_and_json()
    {
        // CODE128 in code set C ({C 12 34 56 78), a QR code, an ESC * image and two cuts.
        var job = new EscPosWriter().Write(new BarcodeModuleWidthCommand(2)).Write(new BarcodeHeightCommand(60))
            .Write(new BarcodeCommand(EscPosBarcodeSymbology.Code128, [0x7B, 0x43, 12, 34, 56, 78])).LineFeed()
            .QrCode("https://lib.example/7"u8, 4).Write(new BitImageCommand(new MonochromeBitmap(8, 24), EscPosBitImageMode.TwentyFourDotDoubleDensity))
            .LineFeed().Cut(EscPosCutMode.Full).Cut(EscPosCutMode.Full).ToArray();
        var path = Save(job);

        var text = Run("decode", "escpos", path);
        var json = Run("decode", "escpos", path, "--json");

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("CODE128  \"12345678\" (2-dot modules, 60 dots high, HRI none)", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("QR       \"https://lib.example/7\" (model 2, 4-dot modules, error correction medium)", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("Cuts: 2", text.Stdout, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Stdout);
        var root = document.RootElement;
        Assert.Equal(
            [("barcode", "CODE128", "12345678", "7B430C22384E"), ("qr", "QR", "https://lib.example/7", "68747470733A2F2F6C69622E6578616D706C652F37")],
            root.GetProperty("symbols").EnumerateArray().Select(symbol => (symbol.GetProperty("kind").GetString(), symbol.GetProperty("symbology").GetString(), symbol.GetProperty("text").GetString(), symbol.GetProperty("hex").GetString())));
        Assert.Equal(2, root.GetProperty("cuts").GetInt32());
        var image = Assert.Single(root.GetProperty("commands").EnumerateArray(), command => command.GetProperty("name").GetString() == "ESC *");
        Assert.False(image.TryGetProperty("hex", out _));
        Assert.Equal("bit image 8×24 dots, printed 8×24", image.GetProperty("summary").GetString());
    }

    [Fact]
    public void A_missing_file_exits_1_with_the_reason()
    {
        var run = Run("decode", "escpos", Path.Combine(_directory, "absent.bin"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cannot read", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_tcvn3_pages_exit_1()
    {
        var run = Run("decode", "escpos", Save([0x41]), "--tcvn3-pages", "30");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--tcvn3-pages", run.Stderr, StringComparison.Ordinal);
    }

    private static CliRun Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = KioskctlApp.Run(args, stdout, stderr);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    private string Save(byte[] bytes)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".bin");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
