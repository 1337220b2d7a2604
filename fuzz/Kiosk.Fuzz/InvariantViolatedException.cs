namespace Kiosk.Fuzz;

/// <summary>A decoder broke a promise it makes for any input (a bound held, nothing left after a flush).</summary>
public sealed class InvariantViolatedException : Exception
{
    public InvariantViolatedException()
    {
    }

    public InvariantViolatedException(string message)
        : base(message)
    {
    }

    public InvariantViolatedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
