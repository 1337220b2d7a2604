using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Kiosk.Ils.Tests;

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
        var folio = Sip2ResolvedSettings.Resolve(new Sip2ClientOptions { Profile = "folio", UserId = "kiosk" });
        var overridden = Sip2ResolvedSettings.Resolve(new Sip2ClientOptions { Profile = "FOLIO", UserId = "kiosk", Charset = "utf-8", Terminator = "crlf" });

        Assert.Equal("ibm850", folio.Codec.Encoding.WebName);
        Assert.Equal("utf-8", overridden.Codec.Encoding.WebName);
        Assert.Equal(Kiosk.Protocols.Sip2.Sip2Terminator.CarriageReturnLineFeed, overridden.Codec.Terminator);
    }

    [Fact]
    public void A_profile_defined_in_configuration_starts_from_its_base_and_sets_the_site_values()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kiosk:Sip2:Profile"] = "koha-hanoi",
            ["Kiosk:Sip2:UserId"] = "kiosk01",
            ["Kiosk:Sip2:Profiles:koha-hanoi:Base"] = "koha",
            ["Kiosk:Sip2:Profiles:koha-hanoi:Terminator"] = "CRLF",
            ["Kiosk:Sip2:Profiles:koha-hanoi:InstitutionId"] = "VN-HN-TVHN",
            ["Kiosk:Sip2:Profiles:koha-hanoi:LocationCode"] = "TANG-1",
        }).Build();
        var options = configuration.GetSection(Sip2ClientOptions.SectionName).Get<Sip2ClientOptions>()!;

        var settings = Sip2ResolvedSettings.Resolve(options);

        Assert.Equal("koha-hanoi", settings.Profile.Name);
        Assert.Equal(Kiosk.Protocols.Sip2.Sip2Terminator.CarriageReturnLineFeed, settings.Codec.Terminator);
        Assert.Equal("utf-8", settings.Codec.Encoding.WebName);
        Assert.Contains(Kiosk.Protocols.Sip2.Sip2FieldId.TerminalPassword, settings.Profile.RequiredFields);
        Assert.Equal("VN-HN-TVHN", settings.Options.InstitutionId);
        Assert.Equal("TANG-1", settings.Options.LocationCode);
        Assert.Equal(string.Empty, options.InstitutionId);
    }

    [Fact]
    public void A_profile_whose_ILS_wants_a_login_refuses_an_empty_user_id_naming_the_key()
    {
        var failure = Assert.Throws<ArgumentException>(() => Sip2ResolvedSettings.Resolve(new Sip2ClientOptions { Profile = "koha" }));

        Assert.Contains("Kiosk:Sip2:UserId", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_profile_with_an_unknown_base_is_refused_naming_the_key()
    {
        var options = new Sip2ClientOptions { Profile = "mine" };
        options.Profiles["mine"] = new Sip2ProfileOptions { Base = "symphony" };

        var failure = Assert.Throws<ArgumentException>(() => Sip2ResolvedSettings.Resolve(options));

        Assert.Contains("Kiosk:Sip2:Profiles:mine:Base", failure.Message, StringComparison.Ordinal);
    }
}
