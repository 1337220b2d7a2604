namespace Kiosk.Circulation.Sessions;

/// <summary>What the site does with a multi-part item when not every part is on the pad.</summary>
public enum SetPolicy
{
    /// <summary>Refuse the whole item and name the missing parts.</summary>
    Refuse = 0,

    /// <summary>Lend or take it back, switching the parts present, and warn about the missing ones.</summary>
    Warn = 1,
}
