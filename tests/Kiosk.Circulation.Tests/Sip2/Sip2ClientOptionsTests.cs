using Kiosk.Circulation.Sip2;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Kiosk.Circulation.Tests.Sip2;

public sealed class Sip2ClientOptionsTests
{
    [Theory]
    [InlineData("Kiosk:Sip2:Profile", "alma-ish", "Kiosk:Sip2:Profile")]
    [InlineData("Kiosk:Sip2:Charset", "klingon", "Kiosk:Sip2:Charset")]
    [InlineData("Kiosk:Sip2:Terminator", "LF", "Kiosk:Sip2:Terminator")]
    [InlineData("Kiosk:Sip2:Port", "70000", "Port")]
    [InlineData("Kiosk:Sip2:PoolSize", "0", "PoolSize")]
    public async Task A_bad_setting_stops_the_host_at_start_naming_the_key(string key, string value, string named)
    {
        using var host = Host.CreateDefaultBuilder()
            .ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }))
            .ConfigureServices(s => s.AddSip2Client())
            .Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registering_the_client_twice_keeps_one_hosted_service()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSip2Client(o => o.Host = "127.0.0.1");
        services.AddSip2Client(o => o.Host = "127.0.0.1");

        Assert.Single(services, d => d.ServiceType == typeof(IHostedService));
    }

    [Fact]
    public void A_profile_sets_charset_and_an_explicit_option_overrides_it()
    {
        var folio = Sip2ResolvedSettings.Resolve(new Sip2ClientOptions { Profile = "folio" });
        var overridden = Sip2ResolvedSettings.Resolve(new Sip2ClientOptions { Profile = "FOLIO", Charset = "utf-8", Terminator = "crlf" });

        Assert.Equal("ibm850", folio.Codec.Encoding.WebName);
        Assert.Equal("utf-8", overridden.Codec.Encoding.WebName);
        Assert.Equal(Kiosk.Protocols.Sip2.Sip2Terminator.CarriageReturnLineFeed, overridden.Codec.Terminator);
    }
}
