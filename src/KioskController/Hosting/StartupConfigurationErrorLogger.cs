namespace KioskController.Hosting;

/// <summary>A logger that leaves out what <see cref="StartupConfigurationErrorLoggerFactory"/> omits.</summary>
internal sealed class StartupConfigurationErrorLogger(ILogger inner, StartupConfigurationErrorLoggerFactory factory) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!factory.Omits(exception))
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
