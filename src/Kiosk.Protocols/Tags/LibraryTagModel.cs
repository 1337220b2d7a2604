namespace Kiosk.Protocols.Tags;

/// <summary>The data model a library tag's user memory is written in.</summary>
public enum LibraryTagModel
{
    /// <summary>No library data model was recognised.</summary>
    Unknown = 0,

    /// <summary>ISO 28560-2: ISO 15962 data sets with relative OIDs and compaction, no directory.</summary>
    Iso28560Part2 = 1,

    /// <summary>ISO 28560-3, the Danish data model: a fixed 34-byte basic block with a CRC, plus extension blocks.</summary>
    Iso28560Part3 = 2,

    /// <summary>3M's proprietary format (RFID 501 "alphanumeric"), found in older installations.</summary>
    ThreeM = 3,
}
