namespace Kiosk.Protocols.Tags;

/// <summary>What a tag's user memory turned out to be.</summary>
public enum TagVerdict
{
    /// <summary>A library data model decoded cleanly (its CRC, where it has one, holds).</summary>
    Decoded = 0,

    /// <summary>Nothing written yet: all 0x00, all 0xFF, or 3M's manufacturing blank pattern.</summary>
    Blank = 1,

    /// <summary>Data that no library data model explains: another application's tag.</summary>
    Foreign = 2,

    /// <summary>A library data model was recognised, but its data are damaged (bad CRC, truncated or malformed data set).</summary>
    Corrupt = 3,
}
