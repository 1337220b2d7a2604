namespace Kiosk.Protocols.Tags;

/// <summary>
/// The item a library tag describes, whatever data model carried it. Every encoder takes this record; every decoder
/// fills in what its model holds and leaves the rest null. The AFI (security) is deliberately absent: it lives in the
/// tag's AFI register, not in user memory.
/// </summary>
public sealed record LibraryItemTag
{
    /// <summary>The library's identifier of the item, usually its barcode (ISO 28560-1 element 1).</summary>
    public string PrimaryItemId { get; init; } = string.Empty;

    /// <summary>The owner institution's ISIL (ISO 15511), such as "DK-710100" or "VN-HNLIB", or null.</summary>
    public string? OwnerInstitution { get; init; }

    /// <summary>The owner's country, ISO 3166 alpha-2. Only ISO 28560-3 stores it on its own; elsewhere it is the ISIL prefix.</summary>
    public string? Country { get; init; }

    /// <summary>How many parts the item has (a set of 2 CDs and a booklet has 3). 1 when the tag says nothing.</summary>
    public int PartsInItem { get; init; } = 1;

    /// <summary>Which part this tag is on, from 1. 1 when the tag says nothing.</summary>
    public int PartNumber { get; init; } = 1;

    /// <summary>The type of usage's main class, or null when the model has none (3M) or the tag omits it.</summary>
    public TypeOfUsage? TypeOfUsage { get; init; }

    /// <summary>The type of usage's sub-class nibble (ISO 28560-2 only; "circulating, not for issue while offline" is 1/5).</summary>
    public int TypeOfUsageQualifier { get; init; }

    /// <summary>Where the item is shelved (ISO 28560-1 element 6), such as a call number.</summary>
    public string? ShelfLocation { get; init; }

    /// <summary>The title (element 17).</summary>
    public string? Title { get; init; }

    /// <summary>The ONIX media format code (element 7), such as "BA" for a book.</summary>
    public string? OnixMediaFormat { get; init; }

    /// <summary>The MARC media format (element 8).</summary>
    public string? MarcMediaFormat { get; init; }

    /// <summary>The ISIL of the institution that borrowed the item on inter-library loan (element 11).</summary>
    public string? IllBorrowingInstitution { get; init; }

    /// <summary>The inter-library loan transaction number (element 12).</summary>
    public string? IllBorrowingTransactionNumber { get; init; }

    /// <summary>Local data A (element 15), whatever the library put there.</summary>
    public string? LocalDataA { get; init; }

    /// <summary>Local data B (element 16).</summary>
    public string? LocalDataB { get; init; }

    /// <summary>Local data C (element 26).</summary>
    public string? LocalDataC { get; init; }

    /// <summary>3M's item type byte (block 0, byte 3): 0 other, 1 book, 2 magazine, 6 CD, 9 book with CD… (Biblio-RFID RFID501.pm).</summary>
    public int? ThreeMItemType { get; init; }

    /// <summary>3M's 12-bit branch number (block 5).</summary>
    public int? ThreeMBranch { get; init; }

    /// <summary>3M's 20-bit library number (block 5).</summary>
    public int? ThreeMLibrary { get; init; }

    /// <summary>3M's signed 32-bit custom value (block 6).</summary>
    public int? ThreeMCustom { get; init; }

    /// <summary>Whether the model's CRC held, or null for models without one (ISO 28560-2, 3M).</summary>
    public bool? CrcValid { get; init; }

    /// <summary>The vendor layout the bytes were found in, or are to be written in.</summary>
    public LibraryTagVariant Variant { get; init; }
}
