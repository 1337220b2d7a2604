namespace Kiosk.Circulation.Tests.Sessions;

/// <summary>Thrown from the switcher's checkpoint seam to stop a workflow as a power cut would.</summary>
public sealed class SimulatedCrashException : Exception
{
    public SimulatedCrashException()
        : base("simulated crash")
    {
    }

    public SimulatedCrashException(string message)
        : base(message)
    {
    }

    public SimulatedCrashException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
