namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>Which TCVN-3 table can print a character.</summary>
public enum Tcvn3CharacterClass
{
    /// <summary>Printable ASCII: the same byte in both tables.</summary>
    Ascii,

    /// <summary>Only the lowercase table (page 30).</summary>
    Lowercase,

    /// <summary>Only the capitals table (page 31).</summary>
    Capital,

    /// <summary>Neither: the caller renders it as raster.</summary>
    Unsupported,
}
