using Kiosk.Events.Privacy;

namespace Kiosk.Events.Tests.Privacy;

public sealed class PatronPseudonymizerTests
{
    private const string Salt = "a-site-secret-of-at-least-32-characters";

    [Fact]
    public void The_same_card_gives_the_same_pseudonym_and_never_contains_the_card_number()
    {
        var pseudonyms = new PatronPseudonymizer(new PatronPseudonymOptions { Enabled = true, Salt = Salt });

        var first = pseudonyms.Pseudonymize("BD0001");
        var again = pseudonyms.Pseudonymize(" BD0001 ");

        Assert.NotNull(first);
        Assert.Equal(first, again);
        Assert.Equal(32, first.Length);
        Assert.DoesNotContain("BD0001", first, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("0001", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Different_cards_and_different_sites_give_different_pseudonyms()
    {
        var here = new PatronPseudonymizer(new PatronPseudonymOptions { Enabled = true, Salt = Salt });
        var elsewhere = new PatronPseudonymizer(new PatronPseudonymOptions { Enabled = true, Salt = Salt + "-other-site" });

        Assert.NotEqual(here.Pseudonymize("BD0001"), here.Pseudonymize("BD0002"));
        Assert.NotEqual(here.Pseudonymize("BD0001"), elsewhere.Pseudonymize("BD0001"));
    }

    [Fact]
    public void With_pseudonyms_off_events_carry_nothing()
    {
        var pseudonyms = new PatronPseudonymizer(new PatronPseudonymOptions());

        Assert.False(pseudonyms.Enabled);
        Assert.Null(pseudonyms.Pseudonymize("BD0001"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("short")]
    public void Pseudonyms_on_without_a_long_salt_are_refused_naming_the_key(string? salt)
    {
        var failure = Assert.Throws<ArgumentException>(() => new PatronPseudonymizer(new PatronPseudonymOptions { Enabled = true, Salt = salt }));

        Assert.Contains("Kiosk:Events:PatronPseudonym:Salt", failure.Message, StringComparison.Ordinal);
    }
}
