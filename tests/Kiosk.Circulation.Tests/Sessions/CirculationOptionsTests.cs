using Kiosk.Circulation.Availability;
using Kiosk.Circulation.Security;
using Kiosk.Circulation.Sessions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Kiosk.Circulation.Tests.Sessions;

/// <summary>Options are validated at start, and each error names the key and the fix.</summary>
public sealed class CirculationOptionsTests
{
    [Fact]
    public void Offline_loans_without_card_formats_are_refused_naming_both_keys()
    {
        var error = Validate(new Dictionary<string, string?> { ["Kiosk:Circulation:OfflineLoansAllowed"] = "true" });

        Assert.Contains("Kiosk:Circulation:OfflineLoansAllowed", error, StringComparison.Ordinal);
        Assert.Contains("Kiosk:Circulation:OfflineCardPatterns", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_pattern_that_is_not_a_regular_expression_is_named_by_its_index()
    {
        var error = Validate(new Dictionary<string, string?>
        {
            ["Kiosk:Circulation:OfflineLoansAllowed"] = "true",
            ["Kiosk:Circulation:OfflineCardPatterns:0"] = @"BD\d{4}",
            ["Kiosk:Circulation:OfflineCardPatterns:1"] = "BD(",
        });

        Assert.Contains("Kiosk:Circulation:OfflineCardPatterns:1", error, StringComparison.Ordinal);
        Assert.DoesNotContain("OfflineCardPatterns:0", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_patron_card_UID_that_is_not_16_hex_digits_is_refused()
    {
        var error = Validate(new Dictionary<string, string?> { ["Kiosk:Circulation:PatronCardUids:0"] = "E0040100" });

        Assert.Contains("Kiosk:Circulation:PatronCardUids:0", error, StringComparison.Ordinal);
        Assert.Contains("16 hex digits", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_idle_warning_out_of_range_is_refused_naming_the_member()
    {
        var error = Validate(new Dictionary<string, string?> { ["Kiosk:Circulation:IdleWarningAfter"] = "00:00:01" });

        Assert.Contains("IdleWarningAfter", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Good_options_bind_and_the_kiosk_resolves_with_the_SQLite_store()
    {
        var path = Path.Combine(Path.GetTempPath(), "kiosk-options-test-" + Guid.NewGuid().ToString("N") + ".db");
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kiosk:Circulation:SetPolicy"] = "Warn",
            ["Kiosk:Circulation:OfflineLoansAllowed"] = "true",
            ["Kiosk:Circulation:OfflineCardPatterns:0"] = @"BD\d{4}",
            ["Kiosk:Storage:DatabasePath"] = path,
        }).Build());
        services.AddCirculationKiosk().AddCirculationKiosk().AddSqliteCirculationStore();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<CirculationOptions>>().Value;
        Assert.Equal(SetPolicy.Warn, options.SetPolicy);
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService));
        Assert.NotNull(provider.GetRequiredService<ISecurityJournal>());
        Assert.NotNull(provider.GetRequiredService<IOfflineTransactionStore>());
    }

    private static string Validate(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddCirculationKiosk();
        using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CirculationOptions>>().Value);
        return string.Join(" ", error.Failures);
    }
}
