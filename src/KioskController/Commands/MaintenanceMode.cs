namespace KioskController.Commands;

/// <summary>
/// Whether a technician has taken the kiosk out of service (remote command enter-maintenance). While on, the screen
/// says so and loans, returns and renewals are refused; the devices and the event stream keep running.
/// </summary>
internal sealed class MaintenanceMode
{
    private volatile bool _on;

    /// <summary>Raised when the mode changes, so the screens redraw.</summary>
    public event EventHandler? Changed;

    public bool On => _on;

    public void Set(bool on)
    {
        if (_on != on)
        {
            _on = on;
            Changed?.Invoke(this, EventArgs.Empty);
        }
    }
}
