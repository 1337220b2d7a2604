namespace Kiosk.Protocols.Tags;

/// <summary>
/// The main class of the ISO 28560-1 "type of usage" element: the low nibble of byte 0 in ISO 28560-3, the high nibble
/// of the OID 5 byte in ISO 28560-2. Values 10 to 15 are reserved and may still appear as raw numbers.
/// </summary>
public enum TypeOfUsage
{
    /// <summary>0: an item in acquisition, not yet catalogued.</summary>
    Acquisition = 0,

    /// <summary>1: an item for circulation (loan).</summary>
    Circulating = 1,

    /// <summary>2: an item not for circulation (reference).</summary>
    NotForLoan = 2,

    /// <summary>3: for local use.</summary>
    LocalUse3 = 3,

    /// <summary>4: for local use.</summary>
    LocalUse4 = 4,

    /// <summary>5: reserved for future use.</summary>
    Reserved5 = 5,

    /// <summary>6: no information about usage on the tag.</summary>
    NoInformation = 6,

    /// <summary>7: a discarded item.</summary>
    Discarded = 7,

    /// <summary>8: a patron card.</summary>
    PatronCard = 8,

    /// <summary>9: library equipment.</summary>
    Equipment = 9,
}
