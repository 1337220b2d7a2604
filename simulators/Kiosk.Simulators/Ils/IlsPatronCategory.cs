namespace Kiosk.Simulators.Ils;

/// <summary>The kind of reader's card.</summary>
public enum IlsPatronCategory
{
    /// <summary>An adult reader.</summary>
    Adult,

    /// <summary>A child, with a lower loan limit.</summary>
    Child,
}
