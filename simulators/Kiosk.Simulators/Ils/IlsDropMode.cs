namespace Kiosk.Simulators.Ils;

/// <summary>When an injected connection drop happens, relative to acting on the request.</summary>
public enum IlsDropMode
{
    /// <summary>Close before acting: the request had no effect, so resending it is safe.</summary>
    BeforeApplying,

    /// <summary>
    /// Act on the request, then close without answering: a checkout happened although the SC never heard so. This is
    /// how a client's rule "never blindly resend a checkout" is tested.
    /// </summary>
    AfterApplying,
}
