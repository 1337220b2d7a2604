using System.Net;
using System.Net.Sockets;
using Kiosk.Simulators.Ils;

namespace Kioskctl.Tests;

/// <summary><c>kioskctl sip2 login</c> against the ILS simulator over real TCP.</summary>
public sealed class Sip2LoginCommandTests
{
    [Fact]
    public async Task Login_prints_what_the_ACS_supports_in_plain_words_and_exits_0()
    {
        await using var ils = new IlsSimulator(new IlsSimulatorOptions { Port = 0, LoginPassword = "s3cret-pass" });
        await ils.StartAsync();
        var variable = Secret("s3cret-pass");

        var run = Run("sip2", "login", "--host", "127.0.0.1", "--port", Port(ils), "--user", "kiosk", "--password-env", variable, "--profile", "koha");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Login: accepted for user 'kiosk'", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("(koha profile)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Thư viện Hà Nội", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("yes  checkout (11/12)", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pass", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_login_exits_2_and_says_which_settings_to_check()
    {
        await using var ils = new IlsSimulator(new IlsSimulatorOptions { Port = 0, LoginPassword = "right" });
        await ils.StartAsync();
        var variable = Secret("Wr0ng-Pw!");

        var run = Run("sip2", "login", "--host", "127.0.0.1", "--port", Port(ils), "--user", "kiosk", "--password-env", variable);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("refused the SIP login", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Wr0ng-Pw!", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_ILS_exits_3_naming_the_host_and_port()
    {
        var port = FreePort();

        var run = Run("sip2", "login", "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--timeout", "2");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"127.0.0.1:{port}", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_TLS_certificate_no_trusted_CA_signed_exits_3_and_names_the_CA_option_not_the_firewall()
    {
        using var certificate = SelfSignedLocalhost();
        await using var ils = new IlsSimulator(new IlsSimulatorOptions { Port = 0, Certificate = certificate });
        await ils.StartAsync();

        var run = Run("sip2", "login", "--host", "127.0.0.1", "--port", Port(ils), "--tls", "--tls-server-name", "localhost", "--timeout", "5");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("--tls-ca", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("firewall", run.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_unset_password_variable_exits_1_and_says_to_export_it()
    {
        var run = Run("sip2", "login", "--host", "127.0.0.1", "--user", "kiosk", "--password-env", "KIOSKCTL_TEST_NOT_SET_" + Guid.NewGuid().ToString("N"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("export the SIP password", run.Stderr, StringComparison.Ordinal);
    }

    private static System.Security.Cryptography.X509Certificates.X509Certificate2 SelfSignedLocalhost()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=localhost", key, System.Security.Cryptography.HashAlgorithmName.SHA256);
        var names = new System.Security.Cryptography.X509Certificates.SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));

        // SslStream on Linux wants a certificate whose key came from a PKCS#12 import.
        return System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12(
            created.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx), password: null);
    }

    private static CliRun Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = KioskctlApp.Run(args, stdout, stderr);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    private static string Secret(string value)
    {
        var name = "KIOSKCTL_TEST_PASSWORD_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, value);
        return name;
    }

    private static string Port(IlsSimulator ils) => ils.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
