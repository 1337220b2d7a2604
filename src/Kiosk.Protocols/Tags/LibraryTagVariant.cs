namespace Kiosk.Protocols.Tags;

/// <summary>How a vendor laid out a model's bytes. Only ISO 28560-3 has known variants.</summary>
public enum LibraryTagVariant
{
    /// <summary>The layout the model specifies.</summary>
    Standard = 0,

    /// <summary>
    /// Each block's bytes stored in reverse order. libdanrfid (DDMData.reverseblocks) notes that FKI writes the bytes of
    /// a block from 3 to 0 while Bibliotheca writes them from 0 to 3.
    /// </summary>
    BlocksReversed = 1,

    /// <summary>
    /// The type of usage in the high nibble of byte 0 and the version in the low one. libdanrfid (DDMData) notes the
    /// usage nibble is "the low for FKI, the high for bibliotheca".
    /// </summary>
    NibblesSwapped = 2,

    /// <summary>Both quirks at once.</summary>
    BlocksReversedAndNibblesSwapped = 3,
}
