using Kiosk.Events.Model;
using KioskController.Api.Status;
using KioskController.Bridges;

namespace KioskController.Tests;

/// <summary>How each device in the status snapshot maps to the events catalogue's online, degraded and offline.</summary>
public sealed class DeviceStatusEventsTests
{
    [Fact]
    public void Readers_the_scanner_the_printer_and_the_ILS_link_each_map_to_one_device_state()
    {
        var status = new KioskStatus(
            "kiosk-01",
            "Thư viện",
            "vi",
            new IlsLinkStatus("offline", "ils.example:6001", "koha", null, null, null, null, null, null, "ok"),
            false,
            [new ReaderSnapshot("pad", "faulted", "no answer to inventory", []), new ReaderSnapshot("gate", "disconnected", "/dev/ttyUSB1 vanished", [])],
            new PrinterSnapshot("serial /dev/ttyS0", false, false, false, true, false, null),
            false,
            new ScannerSnapshot("/dev/ttyACM0", "connected", null));

        var states = DeviceStatusEvents.States(status).ToList();

        Assert.Equal(
            [
                (DeviceKind.Reader, "pad", DeviceStatus.Degraded),
                (DeviceKind.Reader, "gate", DeviceStatus.Offline),
                (DeviceKind.Scanner, "/dev/ttyACM0", DeviceStatus.Online),
                (DeviceKind.Printer, "printer", DeviceStatus.Degraded),
                (DeviceKind.IlsLink, "ils.example:6001", DeviceStatus.Offline),
            ],
            states.Select(s => (s.Device, s.Name, s.Status)));
        Assert.Equal("cover open", states.Single(s => s.Device == DeviceKind.Printer).Detail);
    }

    [Fact]
    public void An_ILS_link_not_yet_heard_from_is_not_reported()
    {
        var status = new KioskStatus("kiosk-01", "Thư viện", "vi", new IlsLinkStatus("unknown", "ils:6001", "generic", null, null, null, null, null, null, "ok"), true, [], null);

        Assert.Empty(DeviceStatusEvents.States(status));
    }
}
