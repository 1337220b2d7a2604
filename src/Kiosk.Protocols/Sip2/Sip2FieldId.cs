namespace Kiosk.Protocols.Sip2;

/// <summary>The two-character field identifiers of SIP2 2.00 (spec, "Field identifiers for variable-length or optional fields").</summary>
public static class Sip2FieldId
{
    public const string PatronIdentifier = "AA";
    public const string ItemIdentifier = "AB";
    public const string TerminalPassword = "AC";
    public const string PatronPassword = "AD";
    public const string PersonalName = "AE";
    public const string ScreenMessage = "AF";
    public const string PrintLine = "AG";
    public const string DueDate = "AH";
    public const string TitleIdentifier = "AJ";
    public const string BlockedCardMessage = "AL";
    public const string LibraryName = "AM";
    public const string TerminalLocation = "AN";
    public const string InstitutionId = "AO";
    public const string CurrentLocation = "AP";
    public const string PermanentLocation = "AQ";
    public const string HoldItems = "AS";
    public const string OverdueItems = "AT";
    public const string ChargedItems = "AU";
    public const string FineItems = "AV";
    public const string SequenceNumber = "AY";
    public const string Checksum = "AZ";
    public const string HomeAddress = "BD";
    public const string EmailAddress = "BE";
    public const string HomePhoneNumber = "BF";
    public const string Owner = "BG";
    public const string CurrencyType = "BH";
    public const string Cancel = "BI";
    public const string TransactionId = "BK";
    public const string ValidPatron = "BL";
    public const string RenewedItems = "BM";
    public const string UnrenewedItems = "BN";
    public const string FeeAcknowledged = "BO";
    public const string StartItem = "BP";
    public const string EndItem = "BQ";
    public const string QueuePosition = "BR";
    public const string PickupLocation = "BS";
    public const string FeeType = "BT";
    public const string RecallItems = "BU";
    public const string FeeAmount = "BV";
    public const string ExpirationDate = "BW";
    public const string SupportedMessages = "BX";
    public const string HoldType = "BY";
    public const string HoldItemsLimit = "BZ";
    public const string OverdueItemsLimit = "CA";
    public const string ChargedItemsLimit = "CB";
    public const string FeeLimit = "CC";
    public const string UnavailableHoldItems = "CD";
    public const string HoldQueueLength = "CF";
    public const string FeeIdentifier = "CG";
    public const string ItemProperties = "CH";
    public const string SecurityInhibit = "CI";
    public const string RecallDate = "CJ";
    public const string MediaType = "CK";
    public const string SortBin = "CL";
    public const string HoldPickupDate = "CM";
    public const string LoginUserId = "CN";
    public const string LoginPassword = "CO";
    public const string LocationCode = "CP";
    public const string ValidPatronPassword = "CQ";

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [PatronIdentifier] = "patron identifier",
        [ItemIdentifier] = "item identifier",
        [TerminalPassword] = "terminal password",
        [PatronPassword] = "patron password",
        [PersonalName] = "personal name",
        [ScreenMessage] = "screen message",
        [PrintLine] = "print line",
        [DueDate] = "due date",
        [TitleIdentifier] = "title identifier",
        [BlockedCardMessage] = "blocked card message",
        [LibraryName] = "library name",
        [TerminalLocation] = "terminal location",
        [InstitutionId] = "institution id",
        [CurrentLocation] = "current location",
        [PermanentLocation] = "permanent location",
        [HoldItems] = "hold item",
        [OverdueItems] = "overdue item",
        [ChargedItems] = "charged item",
        [FineItems] = "fine item",
        [SequenceNumber] = "sequence number",
        [Checksum] = "checksum",
        [HomeAddress] = "home address",
        [EmailAddress] = "e-mail address",
        [HomePhoneNumber] = "home phone number",
        [Owner] = "owner",
        [CurrencyType] = "currency type",
        [Cancel] = "cancel",
        [TransactionId] = "transaction id",
        [ValidPatron] = "valid patron",
        [RenewedItems] = "renewed item",
        [UnrenewedItems] = "unrenewed item",
        [FeeAcknowledged] = "fee acknowledged",
        [StartItem] = "start item",
        [EndItem] = "end item",
        [QueuePosition] = "queue position",
        [PickupLocation] = "pickup location",
        [FeeType] = "fee type",
        [RecallItems] = "recall item",
        [FeeAmount] = "fee amount",
        [ExpirationDate] = "expiration date",
        [SupportedMessages] = "supported messages",
        [HoldType] = "hold type",
        [HoldItemsLimit] = "hold items limit",
        [OverdueItemsLimit] = "overdue items limit",
        [ChargedItemsLimit] = "charged items limit",
        [FeeLimit] = "fee limit",
        [UnavailableHoldItems] = "unavailable hold item",
        [HoldQueueLength] = "hold queue length",
        [FeeIdentifier] = "fee identifier",
        [ItemProperties] = "item properties",
        [SecurityInhibit] = "security inhibit",
        [RecallDate] = "recall date",
        [MediaType] = "media type",
        [SortBin] = "sort bin",
        [HoldPickupDate] = "hold pickup date",
        [LoginUserId] = "login user id",
        [LoginPassword] = "login password",
        [LocationCode] = "location code",
        [ValidPatronPassword] = "valid patron password",
    };

    private static readonly HashSet<string> SecretIds = new(StringComparer.Ordinal) { PatronPassword, TerminalPassword, LoginPassword };

    private static readonly HashSet<string> PatronIdentifyingIds = new(StringComparer.Ordinal)
    {
        PatronIdentifier, PersonalName, HomeAddress, EmailAddress, HomePhoneNumber,
    };

    /// <summary>The plain name of a field identifier from the specification, or null for an extension this codec does not know.</summary>
    public static string? NameOf(string id) => Names.GetValueOrDefault(id);

    /// <summary>Whether the field carries a password (AC, AD, CO), which must never be logged.</summary>
    public static bool IsSecret(string id) => SecretIds.Contains(id);

    /// <summary>Whether the field identifies a patron (AA, AE, BD, BE, BF), which must never leave the kiosk in clear.</summary>
    public static bool IsPatronIdentifying(string id) => PatronIdentifyingIds.Contains(id);

    internal static void Validate(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.Length != 2 || !char.IsAsciiLetterOrDigit(id[0]) || !char.IsAsciiLetterOrDigit(id[1]))
        {
            throw new ArgumentException($"SIP2 field identifier '{id}' must be two ASCII letters or digits, such as 'AO'.", nameof(id));
        }
    }
}
