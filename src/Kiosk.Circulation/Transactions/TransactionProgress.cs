namespace Kiosk.Circulation.Transactions;

/// <summary>
/// The loan or return running now, if any: one at a time, so a second press of "confirm" cannot send the same books
/// twice, and the screen can count them ("3/10") as each is decided.
/// </summary>
internal sealed class TransactionProgress
{
    private readonly Lock _sync = new();
    private TransactionSnapshot? _running;

    /// <summary>Whether a loan or return is running.</summary>
    public bool IsRunning
    {
        get
        {
            lock (_sync)
            {
                return _running is not null;
            }
        }
    }

    /// <summary>The running transaction, for the screen, or null.</summary>
    public TransactionSnapshot? Current
    {
        get
        {
            lock (_sync)
            {
                return _running;
            }
        }
    }

    /// <summary>Starts a transaction; null when one is running already. Dispose the returned scope when it ends.</summary>
    public Scope? TryBegin(CirculationOperation operation)
    {
        lock (_sync)
        {
            if (_running is not null)
            {
                return null;
            }

            _running = new TransactionSnapshot(operation, 0, 0);
            return new Scope(this);
        }
    }

    private void Set(Func<TransactionSnapshot, TransactionSnapshot> change)
    {
        lock (_sync)
        {
            if (_running is not null)
            {
                _running = change(_running);
            }
        }
    }

    private void End()
    {
        lock (_sync)
        {
            _running = null;
        }
    }

    /// <summary>A running transaction.</summary>
    public sealed class Scope(TransactionProgress progress) : IDisposable
    {
        /// <summary>How many items it took.</summary>
        public void Took(int total) => progress.Set(running => running with { Total = total });

        /// <summary>One more item was decided.</summary>
        public void Decided() => progress.Set(running => running with { Finished = running.Finished + 1 });

        public void Dispose() => progress.End();
    }
}
