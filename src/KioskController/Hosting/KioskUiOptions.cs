namespace KioskController.Hosting;

/// <summary>The patron's screen, bound from <c>Kiosk:Ui</c>.</summary>
public sealed class KioskUiOptions
{
    /// <summary>
    /// How long any screen (a result, the PIN, a sign-in error, the account) may sit untouched before it returns home in
    /// the default language, so nothing of one patron is left for the next. The session's own idle timeout
    /// (<c>Kiosk:Circulation:IdleWarningAfter</c>) still ends a signed-in session.
    /// </summary>
    public TimeSpan ScreenTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Whether the screen plays a short sound for done and another for a problem; a quiet reading room may turn them off.</summary>
    public bool Sounds { get; set; } = true;
}
