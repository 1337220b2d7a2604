using Kiosk.Protocols.Sip2;
using Kiosk.Protocols.Sip2.Messages;

namespace Kiosk.Ils;

/// <summary>
/// Builds the requests of the typed API from the options and the dialect profile: institution, terminal password,
/// the PIN field as the dialect wants it, and the transaction date from the clock.
/// </summary>
internal sealed class Sip2RequestBuilder(Sip2ResolvedSettings settings, TimeProvider time)
{
    /// <summary>The transaction date: the kiosk's local time now.</summary>
    public Sip2Timestamp Now => Sip2Timestamp.FromLocal(time.GetLocalNow());

    private Sip2ClientOptions Options => settings.Options;

    public PatronInformationRequest PatronInformation(
        string patronIdentifier, string? pin, Sip2SummaryRequest summary, int? startItem, int? endItem) =>
        new()
        {
            TransactionDate = Now,
            Summary = summary,
            InstitutionId = Options.InstitutionId,
            PatronIdentifier = patronIdentifier,
            TerminalPassword = Options.TerminalPassword,
            PatronPassword = Pin(pin),
            StartItem = startItem,
            EndItem = endItem,
        };

    public PatronStatusRequest PatronStatus(string patronIdentifier, string? pin) =>
        new()
        {
            TransactionDate = Now,
            InstitutionId = Options.InstitutionId,
            PatronIdentifier = patronIdentifier,
            TerminalPassword = Options.TerminalPassword,
            PatronPassword = pin ?? string.Empty,
        };

    public CheckoutRequest Checkout(
        string patronIdentifier, string itemIdentifier, string? pin, bool feeAcknowledged, DateTimeOffset? offlineTransactionDate) =>
        new()
        {
            // N: a checkout sent twice must be refused as "already yours", never turned into a silent renewal.
            ScRenewalPolicy = false,
            NoBlock = offlineTransactionDate is not null,
            TransactionDate = offlineTransactionDate is { } at ? Sip2Timestamp.FromLocal(at.ToLocalTime()) : Now,
            InstitutionId = Options.InstitutionId,
            PatronIdentifier = patronIdentifier,
            ItemIdentifier = itemIdentifier,
            TerminalPassword = Options.TerminalPassword,
            PatronPassword = Pin(pin),
            FeeAcknowledged = feeAcknowledged ? true : null,
        };

    public CheckinRequest Checkin(string itemIdentifier, DateTimeOffset? offlineReturnDate)
    {
        var now = Now;
        return new CheckinRequest
        {
            NoBlock = offlineReturnDate is not null,
            TransactionDate = now,
            ReturnDate = offlineReturnDate is { } at ? Sip2Timestamp.FromLocal(at.ToLocalTime()) : now,
            CurrentLocation = Options.LocationCode,
            InstitutionId = Options.InstitutionId,
            ItemIdentifier = itemIdentifier,
            TerminalPassword = Options.TerminalPassword,
        };
    }

    public RenewRequest Renew(string patronIdentifier, string itemIdentifier, string? pin, bool feeAcknowledged) =>
        new()
        {
            ThirdPartyAllowed = false,
            NoBlock = false,
            TransactionDate = Now,
            InstitutionId = Options.InstitutionId,
            PatronIdentifier = patronIdentifier,
            PatronPassword = Pin(pin),
            ItemIdentifier = itemIdentifier,
            TerminalPassword = Options.TerminalPassword,
            FeeAcknowledged = feeAcknowledged ? true : null,
        };

    public RenewAllRequest RenewAll(string patronIdentifier, string? pin, bool feeAcknowledged) =>
        new()
        {
            TransactionDate = Now,
            InstitutionId = Options.InstitutionId,
            PatronIdentifier = patronIdentifier,
            PatronPassword = Pin(pin),
            TerminalPassword = Options.TerminalPassword,
            FeeAcknowledged = feeAcknowledged ? true : null,
        };

    public ItemInformationRequest ItemInformation(string itemIdentifier) =>
        new()
        {
            TransactionDate = Now,
            InstitutionId = Options.InstitutionId,
            ItemIdentifier = itemIdentifier,
            TerminalPassword = Options.TerminalPassword,
        };

    public ItemStatusUpdateRequest ItemStatusUpdate(string itemIdentifier, string itemProperties) =>
        new()
        {
            TransactionDate = Now,
            InstitutionId = Options.InstitutionId,
            ItemIdentifier = itemIdentifier,
            TerminalPassword = Options.TerminalPassword,
            ItemProperties = itemProperties,
        };

    public FeePaidRequest FeePaid(
        string patronIdentifier,
        string amount,
        Sip2FeeType feeType,
        Sip2PaymentType paymentType,
        string currency,
        string? feeIdentifier,
        string? transactionId,
        string? pin) =>
        new()
        {
            TransactionDate = Now,
            FeeType = feeType,
            PaymentType = paymentType,
            CurrencyType = currency,
            FeeAmount = amount,
            InstitutionId = Options.InstitutionId,
            PatronIdentifier = patronIdentifier,
            TerminalPassword = Options.TerminalPassword,
            PatronPassword = Pin(pin),
            FeeIdentifier = feeIdentifier,

            // A transaction id lets the ILS (and staff) recognise the same payment if it is ever reported twice.
            TransactionId = transactionId ?? Guid.NewGuid().ToString("N"),
        };

    public HoldRequest Hold(
        Sip2HoldMode mode, string patronIdentifier, string? itemIdentifier, string? titleIdentifier, string? pickupLocation, string? pin) =>
        new()
        {
            Mode = mode,
            TransactionDate = Now,
            PickupLocation = pickupLocation,
            InstitutionId = Options.InstitutionId,
            PatronIdentifier = patronIdentifier,
            PatronPassword = Pin(pin),
            ItemIdentifier = itemIdentifier,
            TitleIdentifier = titleIdentifier,
            TerminalPassword = Options.TerminalPassword,
        };

    public EndPatronSessionRequest EndPatronSession(string patronIdentifier, string? pin) =>
        new()
        {
            TransactionDate = Now,
            InstitutionId = Options.InstitutionId,
            PatronIdentifier = patronIdentifier,
            TerminalPassword = Options.TerminalPassword,
            PatronPassword = Pin(pin),
        };

    public BlockPatronRequest BlockPatron(string patronIdentifier, string reason, bool cardRetained) =>
        new()
        {
            CardRetained = cardRetained,
            TransactionDate = Now,
            InstitutionId = Options.InstitutionId,
            BlockedCardMessage = reason,
            PatronIdentifier = patronIdentifier,
            TerminalPassword = Options.TerminalPassword,
        };

    /// <summary>An empty AD when the dialect insists on the field, otherwise leave it out when there is no PIN.</summary>
    private string? Pin(string? pin) =>
        pin ?? (settings.Profile.RequiredFields.Contains(Sip2FieldId.PatronPassword) ? string.Empty : null);
}
