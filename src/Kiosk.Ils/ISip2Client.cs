using Kiosk.Protocols.Sip2;
using Kiosk.Protocols.Sip2.Messages;

namespace Kiosk.Ils;

/// <summary>
/// The kiosk's link to the ILS. Every call is cancellable and may run concurrently with others: requests spread over a
/// pool of connections. A failure raises <see cref="Sip2Exception"/> whose kind says what went wrong.
/// Patron identifiers and PINs passed here are sent to the ILS and never logged.
/// </summary>
public interface ISip2Client
{
    /// <summary>Whether the ILS is reachable.</summary>
    Sip2LinkStatus Status { get; }

    /// <summary>Raised when <see cref="Status"/> changes, with the reason in words.</summary>
    event EventHandler<Sip2LinkStatusChangedEventArgs>? StatusChanged;

    /// <summary>
    /// Raised when a newer ACS Status (98) changes what the ACS lets this kiosk do: the checkin ok, checkout ok and
    /// renewal policy fields, the BX supported messages, on-line or off-line ok. Heartbeats bring it as well as logins.
    /// </summary>
    event EventHandler<AcsStatusResponseSnapshot>? AcsStatusChanged;

    /// <summary>The ACS's last status (98), with what it supports, or null before the first connection.</summary>
    AcsStatusResponseSnapshot? AcsStatus { get; }

    /// <summary>Opens a connection, logs in (93) and asks SC Status (99); returns the ACS's status.</summary>
    Task<AcsStatusResponse> LoginAsync(CancellationToken cancellationToken = default);

    /// <summary>Reports the kiosk's state (for example, printer out of paper) in SC Status (99) and returns the ACS's answer.</summary>
    Task<AcsStatusResponse> ScStatusAsync(Sip2ScStatusCode status, CancellationToken cancellationToken = default);

    /// <summary>Patron Information (63): the patron's status, counts, and the items of one category when asked.</summary>
    Task<PatronInformationResponse> PatronInformationAsync(
        string patronIdentifier,
        string? pin = null,
        Sip2SummaryRequest summary = Sip2SummaryRequest.None,
        int? startItem = null,
        int? endItem = null,
        CancellationToken cancellationToken = default);

    /// <summary>Patron Status (23).</summary>
    Task<PatronStatusResponse> PatronStatusAsync(string patronIdentifier, string? pin = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checkout (11). If the connection drops after the request was sent, the client does not send it again blindly:
    /// it asks Item Information (17), and the patron's charged items, to learn whether the loan happened.
    /// </summary>
    /// <param name="patronIdentifier">The patron's card number.</param>
    /// <param name="itemIdentifier">The item's barcode.</param>
    /// <param name="pin">The patron's PIN, when the ILS wants it.</param>
    /// <param name="feeAcknowledged">Whether the patron accepted a fee for this loan.</param>
    /// <param name="offlineTransactionDate">For a loan made off-line and replayed: when it happened. Sends no block = Y.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<CheckoutResponse> CheckoutAsync(
        string patronIdentifier,
        string itemIdentifier,
        string? pin = null,
        bool feeAcknowledged = false,
        DateTimeOffset? offlineTransactionDate = null,
        CancellationToken cancellationToken = default);

    /// <summary>Checkin (09). After a drop, Item Information (17) decides whether the return needs sending again.</summary>
    /// <param name="itemIdentifier">The item's barcode.</param>
    /// <param name="offlineReturnDate">For a return taken off-line and replayed: when it happened. Sends no block = Y.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<CheckinResponse> CheckinAsync(string itemIdentifier, DateTimeOffset? offlineReturnDate = null, CancellationToken cancellationToken = default);

    /// <summary>Renew (29) one item.</summary>
    Task<RenewResponse> RenewAsync(
        string patronIdentifier, string itemIdentifier, string? pin = null, bool feeAcknowledged = false, CancellationToken cancellationToken = default);

    /// <summary>Renew All (65).</summary>
    Task<RenewAllResponse> RenewAllAsync(string patronIdentifier, string? pin = null, bool feeAcknowledged = false, CancellationToken cancellationToken = default);

    /// <summary>Item Information (17).</summary>
    Task<ItemInformationResponse> ItemInformationAsync(string itemIdentifier, CancellationToken cancellationToken = default);

    /// <summary>Item Status Update (19): stores item properties on the ILS.</summary>
    Task<ItemStatusUpdateResponse> ItemStatusUpdateAsync(string itemIdentifier, string itemProperties, CancellationToken cancellationToken = default);

    /// <summary>
    /// Fee Paid (37). Never sent twice: after a drop the caller learns it may have been applied. Sent only when the ACS's
    /// BX field says it supports Fee Paid; otherwise it fails with <see cref="Sip2FailureKind.NotSupported"/> unsent.
    /// </summary>
    Task<FeePaidResponse> FeePaidAsync(
        string patronIdentifier,
        string amount,
        Sip2FeeType feeType = Sip2FeeType.OtherOrUnknown,
        Sip2PaymentType paymentType = Sip2PaymentType.Cash,
        string currency = "VND",
        string? feeIdentifier = null,
        string? transactionId = null,
        string? pin = null,
        CancellationToken cancellationToken = default);

    /// <summary>Hold (15): place, remove or change a hold.</summary>
    Task<HoldResponse> HoldAsync(
        Sip2HoldMode mode,
        string patronIdentifier,
        string? itemIdentifier = null,
        string? titleIdentifier = null,
        string? pickupLocation = null,
        string? pin = null,
        CancellationToken cancellationToken = default);

    /// <summary>End Patron Session (35).</summary>
    Task<EndSessionResponse> EndPatronSessionAsync(string patronIdentifier, string? pin = null, CancellationToken cancellationToken = default);

    /// <summary>Block Patron (01), answered by Patron Status (24): for a card left in or tampered with.</summary>
    Task<PatronStatusResponse> BlockPatronAsync(string patronIdentifier, string reason, bool cardRetained = false, CancellationToken cancellationToken = default);

    /// <summary>Sends any request and returns the ACS's answer, for messages the typed API does not cover.</summary>
    Task<Sip2Message> SendAsync(Sip2Message request, CancellationToken cancellationToken = default);
}
