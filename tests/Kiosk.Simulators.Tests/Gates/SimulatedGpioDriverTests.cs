using System.Device.Gpio;
using Kiosk.Simulators.Gates;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Simulators.Tests.Gates;

/// <summary>The simulated GPIO chip through the real <see cref="GpioController"/>, as the gate uses it.</summary>
public sealed class SimulatedGpioDriverTests
{
    [Fact]
    public void Output_changes_are_recorded_with_the_clock_and_a_repeated_level_is_not_a_change()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
        var driver = new SimulatedGpioDriver(timeProvider: time);
        using var gpio = new GpioController(driver);

        gpio.OpenPin(17, PinMode.Output, PinValue.High);
        time.Advance(TimeSpan.FromMilliseconds(250));
        gpio.Write(17, PinValue.Low);
        gpio.Write(17, PinValue.Low);

        Assert.Equal([(17, PinValue.High, 0.0), (17, PinValue.Low, 250.0)], driver.OutputChanges.Select(c => (c.Pin, c.Value, (c.At - time.Start).TotalMilliseconds)));
        Assert.Equal(PinValue.Low, gpio.Read(17));
    }

    [Fact]
    public void A_driven_input_fires_the_callbacks_of_its_edge_only()
    {
        var driver = new SimulatedGpioDriver();
        using var gpio = new GpioController(driver);
        gpio.OpenPin(23, PinMode.Input);
        var rising = new List<int>();
        var both = new List<PinEventTypes>();
        gpio.RegisterCallbackForPinValueChangedEvent(23, PinEventTypes.Rising, (_, e) => rising.Add(e.PinNumber));
        gpio.RegisterCallbackForPinValueChangedEvent(23, PinEventTypes.Rising | PinEventTypes.Falling, (_, e) => both.Add(e.ChangeType));

        driver.SetInput(23, PinValue.High);
        driver.SetInput(23, PinValue.High);
        driver.SetInput(23, PinValue.Low);

        Assert.Equal([23], rising);
        Assert.Equal([PinEventTypes.Rising, PinEventTypes.Falling], both);
        Assert.Equal(PinValue.Low, gpio.Read(23));
    }

    [Fact]
    public async Task Wait_for_event_returns_on_the_edge_and_times_out_without_one()
    {
        var driver = new SimulatedGpioDriver();
        using var gpio = new GpioController(driver);
        gpio.OpenPin(24, PinMode.Input);

        var waiting = Task.Run(() => gpio.WaitForEvent(24, PinEventTypes.Falling, TimeSpan.FromSeconds(10)));
        driver.SetInput(24, PinValue.High);
        while (!waiting.IsCompleted)
        {
            // The waiter registers on another thread; drive the falling edge until it has seen one, yielding in between.
            driver.SetInput(24, PinValue.Low);
            await Task.Yield();
            driver.SetInput(24, PinValue.High);
        }

        var result = await waiting;
        Assert.Equal((PinEventTypes.Falling, false), (result.EventTypes, result.TimedOut));

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        Assert.True(gpio.WaitForEvent(24, PinEventTypes.Rising, cancelled.Token).TimedOut);
    }

    [Fact]
    public void Writing_an_input_or_driving_an_output_is_refused_with_the_pin_named()
    {
        var driver = new SimulatedGpioDriver(pinCount: 30);
        using var gpio = new GpioController(driver);
        gpio.OpenPin(17, PinMode.Output);

        var drive = Assert.Throws<InvalidOperationException>(() => driver.SetInput(17, PinValue.High));
        Assert.Contains("GPIO 17 is an output", drive.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<ArgumentOutOfRangeException>(() => driver.SetInput(30, PinValue.High));
        Assert.Contains("lines 0 to 29", missing.Message, StringComparison.Ordinal);
    }
}
