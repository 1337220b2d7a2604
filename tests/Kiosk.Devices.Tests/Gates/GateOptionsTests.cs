using Kiosk.Devices.Gates;

namespace Kiosk.Devices.Tests.Gates;

/// <summary>The gate's settings as the source-generated validator checks them at start.</summary>
public sealed class GateOptionsTests
{
    [Fact]
    public void The_defaults_with_the_three_paths_set_are_valid_and_wait_two_seconds_for_an_alarm_s_direction()
    {
        var options = Valid();

        Assert.True(new GateOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(TimeSpan.FromSeconds(2), options.AlarmDirectionWait);
    }

    [Theory]
    [InlineData("00:00:11")]
    [InlineData("-00:00:01")]
    public void An_alarm_direction_wait_outside_zero_to_ten_seconds_is_refused_naming_the_setting(string wait)
    {
        var options = Valid();
        options.AlarmDirectionWait = TimeSpan.Parse(wait, System.Globalization.CultureInfo.InvariantCulture);

        var result = new GateOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(nameof(GateOptions.AlarmDirectionWait), result.FailureMessage, StringComparison.Ordinal);
    }

    private static GateOptions Valid() => new() { PinMap = "gate.json", ReaderProfile = "gate-feig.json", CountFile = "/tmp/gate-counts.json" };
}
