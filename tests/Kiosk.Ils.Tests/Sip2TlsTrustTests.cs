using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kiosk.Ils.Tests.Support;

namespace Kiosk.Ils.Tests;

/// <summary>A TLS certificate the kiosk refuses names the setting to give, over real TLS to the ILS simulator.</summary>
public sealed class Sip2TlsTrustTests
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Fact]
    public async Task A_certificate_signed_by_no_trusted_CA_names_the_CA_file_setting_not_the_firewall()
    {
        using var certificate = SelfSigned("localhost");
        await using var ils = await IlsFixture.StartAsync(o => o.Certificate = certificate);
        var client = ils.Client(o =>
        {
            o.UseTls = true;
            o.TlsServerName = "localhost";
        });

        var failure = await Assert.ThrowsAsync<Sip2Exception>(() => client.LoginAsync(Timeout));

        Assert.Equal(Sip2FailureKind.Unreachable, failure.Kind);
        Assert.Contains("Kiosk:Sip2:TlsCaCertificatePath", failure.Message, StringComparison.Ordinal);
        Assert.Contains("--tls-ca", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("firewall", failure.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Kiosk:Sip2:Host and Port", failure.Message, StringComparison.Ordinal);
        Assert.Equal(Sip2LinkStatus.Offline, client.Status);
        Assert.Contains("Kiosk:Sip2:TlsCaCertificatePath", client.StatusReason, StringComparison.Ordinal);
        Assert.Contains(ils.Logs.Lines, line => line.StartsWith("Error:", StringComparison.Ordinal) && line.Contains("Kiosk:Sip2:TlsCaCertificatePath", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_certificate_for_another_name_names_the_server_name_setting_and_the_name_it_carries()
    {
        using var certificate = SelfSigned("sip.library.example");
        var caFile = Path.Combine(Path.GetTempPath(), $"kiosk-ca-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(caFile, certificate.ExportCertificatePem());
        try
        {
            await using var ils = await IlsFixture.StartAsync(o => o.Certificate = certificate);
            var client = ils.Client(o =>
            {
                o.UseTls = true;
                o.TlsCaCertificatePath = caFile;
            });

            var failure = await Assert.ThrowsAsync<Sip2Exception>(() => client.LoginAsync(Timeout));

            Assert.Contains("Kiosk:Sip2:TlsServerName", failure.Message, StringComparison.Ordinal);
            Assert.Contains("sip.library.example", failure.Message, StringComparison.Ordinal);
            Assert.Contains("not '127.0.0.1'", failure.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("firewall", failure.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Kiosk:Sip2:TlsServerName", client.StatusReason, StringComparison.Ordinal);

            // Given the name the certificate carries, the same client settings connect.
            var fixedClient = ils.Client(o =>
            {
                o.UseTls = true;
                o.TlsCaCertificatePath = caFile;
                o.TlsServerName = "sip.library.example";
            });
            Assert.True((await fixedClient.LoginAsync(Timeout)).OnlineStatus);
        }
        finally
        {
            File.Delete(caFile);
        }
    }

    [Fact]
    public async Task A_refused_TCP_connection_still_points_at_the_host_port_and_firewall()
    {
        await using var ils = await IlsFixture.StartAsync();
        var options = ils.ClientOptions();
        await ils.Simulator.StopAsync();
        await using var client = new Sip2Client(options);

        var failure = await Assert.ThrowsAsync<Sip2Exception>(() => client.LoginAsync(Timeout));

        Assert.Contains("firewall", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TlsCaCertificatePath", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>A self-signed certificate for <paramref name="name"/>, with its key, as the ILS simulator serves it.</summary>
    internal static X509Certificate2 SelfSigned(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(name);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, false, 0, true));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));

        // SslStream on Linux wants a certificate whose key came from a PKCS#12 import.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), password: null);
    }
}
