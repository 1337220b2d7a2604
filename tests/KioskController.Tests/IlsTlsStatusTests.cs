using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Kiosk.Simulators.Ils;

namespace KioskController.Tests;

/// <summary>/api/status says which TLS setting to give when the kiosk refuses the ILS's certificate.</summary>
public sealed class IlsTlsStatusTests
{
    [Fact]
    public async Task An_untrusted_ILS_certificate_shows_in_api_status_as_the_CA_file_setting_to_give()
    {
        using var certificate = SelfSignedLocalhost();
        await using var ils = new IlsSimulator(new IlsSimulatorOptions { Port = 0, Certificate = certificate });
        await ils.StartAsync();
        await using var kiosk = await KioskHost.StartAsync(
            "--Kiosk:Simulators:Enabled=false",
            "--Kiosk:Sip2:Host=127.0.0.1",
            $"--Kiosk:Sip2:Port={ils.Port}",
            "--Kiosk:Sip2:UseTls=true",
            "--Kiosk:Sip2:TlsServerName=localhost",
            "--Kiosk:Sip2:UserId=kiosk",
            "--Kiosk:Sip2:Password=kiosk-password");

        var status = await kiosk.WaitForStatusAsync(s => s.GetProperty("ils").GetProperty("reason").GetString()?.Contains("TLS", StringComparison.Ordinal) == true);

        var ilsStatus = status.GetProperty("ils");
        Assert.Equal("offline", ilsStatus.GetProperty("status").GetString());
        Assert.Contains("Kiosk:Sip2:TlsCaCertificatePath", ilsStatus.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("firewall", ilsStatus.GetProperty("reason").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    private static X509Certificate2 SelfSignedLocalhost()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));

        // SslStream on Linux wants a certificate whose key came from a PKCS#12 import.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), password: null);
    }
}
