using BenchmarkDotNet.Attributes;
using Kiosk.Protocols.Sip2;
using Kiosk.Protocols.Sip2.Messages;

namespace Kiosk.Benchmarks;

/// <summary>
/// Encode and decode of the two responses a kiosk handles most: a checkout response, and a patron information response
/// listing 20 charged items (the kiosk's "my loans" screen).
/// </summary>
[MemoryDiagnoser]
public class Sip2CodecBenchmarks
{
    private readonly Sip2Encoder _encoder = new(Sip2CodecOptions.Default);
    private readonly Sip2FrameDecoder _decoder = new(Sip2CodecOptions.Default);
    private CheckoutResponse _checkout = null!;
    private PatronInformationResponse _patron = null!;
    private byte[] _checkoutFrame = [];
    private byte[] _patronFrame = [];

    [GlobalSetup]
    public void Setup()
    {
        var when = Sip2Timestamp.Local(new DateTime(2025, 3, 1, 10, 15, 30));
        _checkout = new CheckoutResponse
        {
            Ok = true,
            Desensitize = Sip2Indicator.Yes,
            TransactionDate = when,
            InstitutionId = "HNLIB",
            PatronIdentifier = "0123456789",
            ItemIdentifier = "30000012345678",
            TitleIdentifier = "Truyện Kiều, tập 2",
            DueDate = "20250315    235900",
            MediaType = Sip2MediaType.Book,
            ScreenMessages = ["Mượn thành công. Hạn trả: 15/03/2025"],
        };
        _patron = new PatronInformationResponse
        {
            TransactionDate = when,
            HoldItemsCount = 0,
            OverdueItemsCount = 1,
            ChargedItemsCount = 20,
            FineItemsCount = 0,
            RecallItemsCount = 0,
            UnavailableHoldsCount = 0,
            InstitutionId = "HNLIB",
            PatronIdentifier = "0123456789",
            PersonalName = "Nguyễn Văn An",
            ValidPatron = true,
            ValidPatronPassword = true,
            ChargedItems = [.. Enumerable.Range(1, 20).Select(i => $"3000001234{i:0000}")],
            ScreenMessages = ["Xin chào Nguyễn Văn An"],
        };
        _checkoutFrame = _encoder.Encode(_checkout, 1);
        _patronFrame = _encoder.Encode(_patron, 2);
    }

    [Benchmark]
    public byte[] EncodeCheckoutResponse() => _encoder.Encode(_checkout, 1);

    [Benchmark]
    public Sip2DecodeResult DecodeCheckoutResponse() => Decode(_checkoutFrame);

    [Benchmark]
    public byte[] EncodePatronInformationResponseWith20Items() => _encoder.Encode(_patron, 2);

    [Benchmark]
    public Sip2DecodeResult DecodePatronInformationResponseWith20Items() => Decode(_patronFrame);

    private Sip2DecodeResult Decode(byte[] frame)
    {
        _decoder.Feed(frame);
        _decoder.TryRead(out var result);
        return result;
    }
}
