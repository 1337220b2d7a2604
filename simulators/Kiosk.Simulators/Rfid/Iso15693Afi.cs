namespace Kiosk.Simulators.Rfid;

/// <summary>The AFI selection rule of ISO/IEC 15693-3 (§5.2.3, "Application family identifier").</summary>
internal static class Iso15693Afi
{
    /// <summary>
    /// Whether a tag whose AFI is <paramref name="tagAfi"/> answers an inventory that selects <paramref name="requested"/>:
    /// 0x00 selects every tag; otherwise each nibble must match unless it is 0 in the request (family 0 = all families,
    /// sub-family 0 = all sub-families).
    /// </summary>
    public static bool Matches(byte requested, byte tagAfi)
    {
        if (requested == 0)
        {
            return true;
        }

        var familyMatches = (requested & 0xF0) == 0 || (requested & 0xF0) == (tagAfi & 0xF0);
        var subFamilyMatches = (requested & 0x0F) == 0 || (requested & 0x0F) == (tagAfi & 0x0F);
        return familyMatches && subFamilyMatches;
    }
}
