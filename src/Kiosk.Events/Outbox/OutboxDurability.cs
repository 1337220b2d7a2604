namespace Kiosk.Events.Outbox;

/// <summary>SQLite's <c>synchronous</c> setting for the outbox in WAL mode.</summary>
public enum OutboxDurability
{
    /// <summary>fsync on every commit: a committed event survives a power cut.</summary>
    Full,

    /// <summary>fsync at checkpoints only: survives a process crash, may lose the last commits on power loss.</summary>
    Normal,
}
