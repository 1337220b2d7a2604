namespace Kiosk.Events.Model;

/// <summary>Which part of the kiosk a <see cref="DeviceStatusChangedData"/> event is about.</summary>
public enum DeviceKind
{
    Reader,
    Scanner,
    Printer,
    Gate,
    IlsLink,
    Broker,
    Outbox,
}
