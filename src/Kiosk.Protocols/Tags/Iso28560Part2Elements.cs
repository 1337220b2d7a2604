namespace Kiosk.Protocols.Tags;

/// <summary>
/// The relative OIDs of ISO 28560-1's data elements as ISO 28560-2 numbers them. The list agrees across dp2's
/// ElementOID, the XingZhi codec and the Finnish HelMet parser.
/// </summary>
internal static class Iso28560Part2Elements
{
    public const int PrimaryItemId = 1;
    public const int ContentParameter = 2;
    public const int OwnerInstitution = 3;
    public const int SetInformation = 4;
    public const int TypeOfUsage = 5;
    public const int ShelfLocation = 6;
    public const int OnixMediaFormat = 7;
    public const int MarcMediaFormat = 8;
    public const int IllBorrowingInstitution = 11;
    public const int IllBorrowingTransactionNumber = 12;
    public const int LocalDataA = 15;
    public const int LocalDataB = 16;
    public const int Title = 17;
    public const int AlternativeOwnerInstitution = 23;
    public const int AlternativeIllBorrowingInstitution = 25;
    public const int LocalDataC = 26;

    /// <summary>The content parameter's first bit stands for OID 3 (GB/T 35660.2 example: D0 = OIDs 3, 4 and 6).</summary>
    public const int FirstOidInContentParameter = 3;

    public static string Name(int oid) => oid switch
    {
        1 => "primary item id",
        2 => "content parameter",
        3 => "owner institution",
        4 => "set information",
        5 => "type of usage",
        6 => "shelf location",
        7 => "ONIX media format",
        8 => "MARC media format",
        9 => "supplier identifier",
        10 => "order number",
        11 => "ILL borrowing institution",
        12 => "ILL borrowing transaction number",
        13 => "GS1 product identifier",
        14 => "alternative unique item identifier",
        15 => "local data A",
        16 => "local data B",
        17 => "title",
        18 => "product identifier local",
        19 => "media format (other)",
        20 => "supply chain stage",
        21 => "supplier invoice number",
        22 => "alternative item identifier",
        23 => "alternative owner institution",
        24 => "subsidiary of an owner institution",
        25 => "alternative ILL borrowing institution",
        26 => "local data C",
        _ => FormattableString.Invariant($"OID {oid}"),
    };

    public static bool IsIsil(int oid) => oid is OwnerInstitution or IllBorrowingInstitution or AlternativeOwnerInstitution or AlternativeIllBorrowingInstitution;
}
