using Kiosk.Events.Hosting;
using Kiosk.Events.Privacy;
using Kiosk.Events.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Kiosk.Events.Tests.Hosting;

public sealed class KioskEventsRegistrationTests
{
    [Theory]
    [InlineData("Kiosk:Events:Topics:Province", "H/N", "Kiosk:Events:Topics:Province")]
    [InlineData("Kiosk:Events:Topics:Device", "kiosk+", "Kiosk:Events:Topics:Device")]
    [InlineData("Kiosk:Events:Mqtt:ProtocolVersion", "4", "Kiosk:Events:Mqtt:ProtocolVersion")]
    [InlineData("Kiosk:Events:Outbox:Capacity", "5", "Kiosk:Events:Outbox:Capacity")]
    [InlineData("Kiosk:Events:Mqtt:Port", "70000", "Kiosk:Events:Mqtt:Port")]
    [InlineData("Kiosk:EmbeddedBroker:Port", "-1", "Kiosk:EmbeddedBroker:Port")]
    [InlineData("Kiosk:Events:PatronPseudonym:Salt", "short", "Salt")]
    [InlineData("Kiosk:Events:Mqtt:ReconnectMaxDelay", "00:00:00.020", "Kiosk:Events:Mqtt:ReconnectMaxDelay")]
    [InlineData("Kiosk:Events:Mqtt:ReconnectResetAfter", "-00:00:01", "Kiosk:Events:Mqtt:ReconnectResetAfter")]
    public async Task A_bad_setting_stops_the_host_naming_the_key(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?> { [key] = value, ["Kiosk:EmbeddedBroker:Enabled"] = "true" };
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => EventsHost.StartAsync(settings));

        Assert.True(failure.Message.Contains(named, StringComparison.Ordinal), failure.Message);
    }

    [Fact]
    public async Task A_missing_password_file_stops_the_host_naming_the_key()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            EventsHost.StartAsync(new Dictionary<string, string?> { ["Kiosk:Events:Mqtt:Username"] = "kiosk", ["Kiosk:Events:Mqtt:PasswordFile"] = "/nonexistent/mqtt-password" }));

        Assert.Contains("Kiosk:Events:Mqtt:PasswordFile", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registering_twice_runs_one_publisher()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection().Build();
        var services = new ServiceCollection();
        services.AddKioskEvents(configuration.GetSection("Kiosk:Events"));
        services.AddKioskEvents(configuration.GetSection("Kiosk:Events"));

        Assert.Single(services, descriptor => descriptor.ServiceType == typeof(IHostedService));
    }

    [Fact]
    public async Task Pseudonyms_are_off_unless_configured()
    {
        await using var host = await EventsHost.StartAsync(new Dictionary<string, string?>());

        Assert.Null(host.Get<PatronPseudonymizer>().Pseudonymize("23000123456"));
    }
}
