using Microsoft.Extensions.Logging;

namespace KioskController.Tests;

/// <summary>Keeps every record's message and exception, for tests of what reaches the log.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    public List<(string Message, Exception? Exception)> Records { get; } = [];

    public ILogger CreateLogger(string categoryName) => new Recorder(Records);

    public void Dispose()
    {
    }

    private sealed class Recorder(List<(string Message, Exception? Exception)> records) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (records)
            {
                records.Add((formatter(state, exception), exception));
            }
        }
    }
}
