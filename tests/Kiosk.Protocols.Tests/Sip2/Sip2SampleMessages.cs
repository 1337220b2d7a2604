using Kiosk.Protocols.Sip2;
using Kiosk.Protocols.Sip2.Messages;

namespace Kiosk.Protocols.Tests.Sip2;

/// <summary>One message of each of the 31 SIP2 2.00 types, with text fields taken from the caller.</summary>
internal static class Sip2SampleMessages
{
    public static readonly Sip2Timestamp When = Sip2Timestamp.Local(new DateTime(2025, 3, 1, 10, 15, 30));

    /// <param name="name">A patron's name, such as "Nguyễn Văn An".</param>
    /// <param name="title">A title, such as "Truyện Kiều, tập 2".</param>
    /// <param name="message">A screen message.</param>
    public static IReadOnlyList<Sip2Message> All(string name, string title, string message) =>
    [
        new PatronStatusRequest { TransactionDate = When, InstitutionId = "HNLIB", PatronIdentifier = "P0001", TerminalPassword = "tpw", PatronPassword = "1234" },
        new CheckoutRequest { ScRenewalPolicy = true, TransactionDate = When, InstitutionId = "HNLIB", PatronIdentifier = "P0001", ItemIdentifier = "B0001", TerminalPassword = string.Empty, ItemProperties = title },
        new CheckinRequest { TransactionDate = When, ReturnDate = When, CurrentLocation = message, InstitutionId = "HNLIB", ItemIdentifier = "B0001", TerminalPassword = string.Empty },
        new BlockPatronRequest { CardRetained = true, TransactionDate = When, InstitutionId = "HNLIB", BlockedCardMessage = message, PatronIdentifier = "P0001", TerminalPassword = string.Empty },
        new ScStatusRequest { MaxPrintWidth = null },
        new RequestAcsResend(),
        new LoginRequest { UserId = "kiosk01", Password = "secret", Location = title },
        new PatronInformationRequest { Language = null, TransactionDate = When, Summary = Sip2SummaryRequest.ChargedItems, InstitutionId = "HNLIB", PatronIdentifier = "P0001", StartItem = 1, EndItem = 5 },
        new EndPatronSessionRequest { TransactionDate = When, InstitutionId = "HNLIB", PatronIdentifier = "P0001" },
        new FeePaidRequest { TransactionDate = When, FeeType = Sip2FeeType.Damage, PaymentType = Sip2PaymentType.CreditCard, FeeAmount = "50000", InstitutionId = "HNLIB", PatronIdentifier = "P0001", FeeIdentifier = title },
        new ItemInformationRequest { TransactionDate = When, InstitutionId = "HNLIB", ItemIdentifier = "B0001" },
        new ItemStatusUpdateRequest { TransactionDate = When, InstitutionId = "HNLIB", ItemIdentifier = "B0001", ItemProperties = title },
        new PatronEnableRequest { TransactionDate = When, InstitutionId = "HNLIB", PatronIdentifier = "P0001" },
        new HoldRequest { Mode = Sip2HoldMode.Change, TransactionDate = When, PickupLocation = message, InstitutionId = "HNLIB", PatronIdentifier = "P0001", TitleIdentifier = title },
        new RenewRequest { ThirdPartyAllowed = true, TransactionDate = When, InstitutionId = "HNLIB", PatronIdentifier = "P0001", TitleIdentifier = title },
        new RenewAllRequest { TransactionDate = When, InstitutionId = "HNLIB", PatronIdentifier = "P0001", FeeAcknowledged = true },
        new PatronStatusResponse { PatronStatus = Sip2PatronStatus.TooManyItemsOverdue, TransactionDate = When, InstitutionId = "HNLIB", PatronIdentifier = "P0001", PersonalName = name, ScreenMessages = [message, title] },
        new CheckoutResponse { Ok = true, Desensitize = Sip2Indicator.Yes, TransactionDate = When, InstitutionId = "HNLIB", PatronIdentifier = "P0001", ItemIdentifier = "B0001", TitleIdentifier = title, DueDate = "15/03/2025", ScreenMessages = [message], PrintLines = [name, title] },
        new CheckinResponse { Ok = true, Resensitize = true, TransactionDate = When, InstitutionId = "HNLIB", ItemIdentifier = "B0001", PermanentLocation = message, TitleIdentifier = title },
        new AcsStatusResponse { OnlineStatus = true, CheckinOk = true, CheckoutOk = true, DateTimeSync = When, InstitutionId = "HNLIB", LibraryName = message, SupportedMessages = Sip2SupportedMessages.All, ScreenMessages = [message] },
        new RequestScResend(),
        new LoginResponse { Ok = true },
        new PatronInformationResponse
        {
            TransactionDate = When, ChargedItemsCount = 3, InstitutionId = "HNLIB", PatronIdentifier = "P0001", PersonalName = name,
            ChargedItems = [title, "B0002", "B0003"], HoldItems = [title], HomeAddress = message, ScreenMessages = [message, message],
        },
        new EndSessionResponse { EndSession = true, TransactionDate = When, InstitutionId = "HNLIB", PatronIdentifier = "P0001", ScreenMessages = [message] },
        new FeePaidResponse { PaymentAccepted = true, TransactionDate = When, InstitutionId = "HNLIB", PatronIdentifier = "P0001", PrintLines = [name] },
        new ItemInformationResponse { CirculationStatus = Sip2CirculationStatus.Available, SecurityMarker = Sip2SecurityMarker.None, FeeType = Sip2FeeType.Rental, TransactionDate = When, ItemIdentifier = "B0001", TitleIdentifier = title, Owner = message },
        new ItemStatusUpdateResponse { ItemPropertiesOk = true, TransactionDate = When, ItemIdentifier = "B0001", TitleIdentifier = title },
        new PatronEnableResponse { TransactionDate = When, InstitutionId = "HNLIB", PatronIdentifier = "P0001", PersonalName = name },
        new HoldResponse { Ok = true, Available = true, TransactionDate = When, ExpirationDate = When, InstitutionId = "HNLIB", PatronIdentifier = "P0001", TitleIdentifier = title },
        new RenewResponse { Ok = true, RenewalOk = true, TransactionDate = When, InstitutionId = "HNLIB", PatronIdentifier = "P0001", ItemIdentifier = "B0001", TitleIdentifier = title, DueDate = "15/03/2025" },
        new RenewAllResponse { Ok = true, RenewedCount = 2, TransactionDate = When, InstitutionId = "HNLIB", RenewedItems = [title, "B0002"], UnrenewedItems = [], ScreenMessages = [message] },
    ];
}
