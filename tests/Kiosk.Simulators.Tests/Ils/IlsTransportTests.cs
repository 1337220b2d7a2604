using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Kiosk.Protocols.Sip2;
using Kiosk.Protocols.Sip2.Messages;
using Kiosk.Simulators.Ils;
using static Kiosk.Simulators.Tests.Ils.IlsTestHarness;
using S = Kiosk.Simulators.Ils.IlsSampleData;

namespace Kiosk.Simulators.Tests.Ils;

public sealed class IlsTransportTests
{
    [Fact]
    public async Task Tls_connections_are_served_with_the_configured_certificate()
    {
        using var certificate = CreateSelfSignedCertificate();
        await using var simulator = await StartAsync(configure: o => o.Certificate = certificate);
        byte[]? presented = null;
        await using var client = await Sip2TestClient.ConnectTlsAsync(simulator.EndPoint, "localhost", (_, serverCertificate, _, _) =>
        {
            presented = serverCertificate?.GetCertHash();
            return presented is not null && presented.AsSpan().SequenceEqual(certificate.GetCertHash());
        });

        await client.LoginAsync();
        var response = await client.ExchangeAsync<CheckoutResponse>(Checkout(S.AdultPatron, S.AvailableBook));

        Assert.Equal(certificate.GetCertHash(), presented);
        Assert.True(response.Ok);
        Assert.Equal("Truyện Kiều", response.TitleIdentifier);
    }

    [Fact]
    public async Task Vietnamese_text_survives_a_round_trip_in_utf8_with_the_checksum_over_bytes()
    {
        await using var simulator = await StartAsync();
        await using var client = await ConnectAndLoginAsync(simulator);

        await client.SendAsync(Checkout(S.AdultPatron, S.ThirdAvailableBook));
        var result = await client.ReceiveAsync();
        var response = Assert.IsType<CheckoutResponse>(result.Message);
        var blocked = await client.ExchangeAsync<PatronStatusResponse>(new BlockPatronRequest
        {
            TransactionDate = Now, InstitutionId = "VN-HN-TVHN", BlockedCardMessage = "Quên thẻ ở máy mượn tự động", PatronIdentifier = S.ChildPatron, TerminalPassword = string.Empty,
        });

        Assert.Equal(Sip2ChecksumStatus.Valid, result.Checksum);
        Assert.Equal("Nỗi buồn chiến tranh", response.TitleIdentifier);
        Assert.True(result.Frame.Span.IndexOf(Encoding.UTF8.GetBytes("Nỗi buồn chiến tranh")) >= 0, "the title's UTF-8 bytes are not on the wire");
        Assert.Equal("Lê Minh Khang", blocked.PersonalName);
        Assert.Equal("Quên thẻ ở máy mượn tự động", simulator.Library.FindPatron(S.ChildPatron)!.BlockedCardMessage);
    }

    [Fact]
    public async Task Vietnamese_text_survives_windows_1258_with_tone_marks_written_as_combining_characters()
    {
        await using var simulator = await StartAsync(configure: o => o.Charset = "windows-1258");
        var codec = new Sip2CodecOptions { Encoding = Sip2Charset.Get("windows-1258") };
        await using var client = await Sip2TestClient.ConnectAsync(simulator.EndPoint, codec);
        await client.LoginAsync();

        await client.SendAsync(Checkout(S.AdultPatron, S.AvailableBook));
        var result = await client.ReceiveAsync();
        var response = Assert.IsType<CheckoutResponse>(result.Message);

        Assert.Equal(Sip2ChecksumStatus.Valid, result.Checksum);
        Assert.True(response.Ok);
        Assert.Equal("Truyện Kiều", response.TitleIdentifier.Normalize(NormalizationForm.FormC));
        Assert.Equal("Mượn thành công. Hạn trả: 15/12/2026", response.ScreenMessages[0].Normalize(NormalizationForm.FormC));

        // "yện": y, ê (0xEA), combining dot below (0xF2), n: the form Windows-1258 defines.
        Assert.True(result.Frame.Span.IndexOf((byte[])[0x79, 0xEA, 0xF2, 0x6E]) >= 0, "'yện' is not written as y, ê, combining dot below, n");
    }

    [Fact]
    public async Task A_charset_without_vietnamese_gets_the_text_without_diacritics_instead_of_failing()
    {
        await using var simulator = await StartAsync(configure: o => o.Charset = "ibm850");
        await using var client = await Sip2TestClient.ConnectAsync(simulator.EndPoint, new Sip2CodecOptions { Encoding = Sip2Charset.Get("ibm850") });
        await client.LoginAsync();

        var response = await client.ExchangeAsync<CheckoutResponse>(Checkout(S.AdultPatron, S.TwoPartSet));

        Assert.True(response.Ok);
        Assert.Equal("Dat rung phuong Nam (2 tap)", response.TitleIdentifier);
    }

    private static X509Certificate2 CreateSelfSignedCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));

        // Round-trip through PKCS#12 so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), password: null);
    }
}
