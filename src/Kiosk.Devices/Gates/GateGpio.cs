using System.Device.Gpio;
using System.Device.Gpio.Drivers;

namespace Kiosk.Devices.Gates;

/// <summary>Makes the board's GPIO controller for a pin map, for composition roots (the host, kioskctl).</summary>
public static class GateGpio
{
    /// <summary>
    /// Chip 0: <c>new GpioController()</c>, which picks the board's best driver (libgpiod on Linux). Another chip: the
    /// libgpiod driver opened on <c>/dev/gpiochipN</c>, since the automatic choice only ever opens the first chip.
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">No GPIO driver works here.</exception>
    public static GpioController CreateController(GatePinMap pinMap)
    {
        ArgumentNullException.ThrowIfNull(pinMap);
        return pinMap.Chip == 0 ? new GpioController() : new GpioController(new LibGpiodDriver(pinMap.Chip));
    }
}
