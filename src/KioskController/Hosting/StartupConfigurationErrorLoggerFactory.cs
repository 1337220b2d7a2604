namespace KioskController.Hosting;

/// <summary>
/// The host's logger factory, less one record: while the kiosk starts, an error logged with a configuration mistake
/// (the host's own "Hosting failed to start", with its stack trace) is left out, because Program reports that mistake
/// as one line per key and exits 78. Any other failure, and every record once the kiosk has started, goes through.
/// </summary>
internal sealed class StartupConfigurationErrorLoggerFactory(ILoggerFactory inner, Func<IHostApplicationLifetime?> lifetime) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new StartupConfigurationErrorLogger(inner.CreateLogger(categoryName), this);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    /// <summary>Whether a record carrying <paramref name="exception"/> is left out.</summary>
    public bool Omits(Exception? exception) =>
        exception is not null && !HasStarted() && ConfigurationErrorReport.TryDescribe(exception, out _);

    private bool HasStarted()
    {
        try
        {
            return lifetime()?.ApplicationStarted.IsCancellationRequested == true;
        }
        catch (ObjectDisposedException)
        {
            // Logged while the host is being disposed, after it ran: not a start-up record.
            return true;
        }
    }
}
