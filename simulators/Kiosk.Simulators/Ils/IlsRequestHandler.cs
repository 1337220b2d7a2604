using System.Globalization;
using Kiosk.Protocols.Sip2;
using Kiosk.Protocols.Sip2.Messages;
using Microsoft.Extensions.Logging;

namespace Kiosk.Simulators.Ils;

/// <summary>
/// Answers one SIP2 request from the library's state: the ACS side of every message pair except Login, which the
/// connection handles because it changes the connection's state.
/// </summary>
internal sealed class IlsRequestHandler(IlsLibrary library, IlsSimulatorOptions options, IlsAcsPolicy policy, ILogger logger)
{
    private const string WelcomePrefix = "Chào mừng đến với ";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _handled = new(StringComparer.Ordinal);

    /// <summary>How many connections ended because handling a request threw; tests assert it stays 0.</summary>
    internal int CrashCount;

    /// <summary>How many requests with <paramref name="command"/> were acted on (retransmissions answered from memory are not).</summary>
    public int HandledCount(string command) => _handled.GetValueOrDefault(command);

    /// <summary>The response to <paramref name="request"/>, or null when SIP2 2.00 defines none (the request is ignored).</summary>
    public Sip2Message? Handle(Sip2Message request, int connection)
    {
        _handled.AddOrUpdate(request.Command, 1, static (_, count) => count + 1);
        return Dispatch(request, connection);
    }

    private Sip2Message? Dispatch(Sip2Message request, int connection) => request switch
    {
        ScStatusRequest r => AcsStatus(r),
        PatronStatusRequest r => PatronStatus(r),
        PatronInformationRequest r => PatronInformation(r),
        CheckoutRequest r => Checkout(r, connection),
        CheckinRequest r => Checkin(r, connection),
        RenewRequest r => Renew(r, connection),
        RenewAllRequest r => RenewAll(r, connection),
        ItemInformationRequest r => ItemInformation(r),
        ItemStatusUpdateRequest r => ItemStatusUpdate(r),
        EndPatronSessionRequest r => EndPatronSession(r),
        FeePaidRequest r => FeePaid(r, connection),
        HoldRequest r => Hold(r, connection),
        PatronEnableRequest r => PatronEnable(r),
        BlockPatronRequest r => BlockPatron(r, connection),
        _ => null,
    };

    private Sip2Timestamp Now => Sip2Timestamp.Local(library.TimeProvider.GetLocalNow().DateTime);

    private static string Amount(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string DueDateText(IlsItem? item) =>
        item?.DueDate is { } due ? Sip2Timestamp.Local(due.DateTime).Text : string.Empty;

    private static Sip2Indicator MagneticMedia(IlsItem? item) => item?.MediaType switch
    {
        Sip2MediaType.AudioTape or Sip2MediaType.VideoTape or Sip2MediaType.BookWithAudioTape => Sip2Indicator.Yes,
        _ => Sip2Indicator.No,
    };

    private static string? Pin(string? pin) => string.IsNullOrEmpty(pin) ? null : pin;

    private static IEnumerable<string> Window(IEnumerable<IlsItem> items, int? start, int? end)
    {
        // Spec, "start item" / "end item": 1-based positions in the requested list.
        var first = Math.Max(1, start ?? 1);
        var last = end ?? int.MaxValue;
        return items.Select(i => i.Identifier).Skip(first - 1).Take(Math.Max(0, last - first + 1));
    }

    private static List<string> PatronMessages(PatronStanding standing)
    {
        if (standing.Patron is not { } patron)
        {
            return ["Không tìm thấy bạn đọc. Vui lòng liên hệ thủ thư."];
        }

        if (standing.PinValid == false)
        {
            return ["Sai mã PIN. Vui lòng thử lại."];
        }

        var messages = new List<string>();
        if (standing.Status.HasFlag(Sip2PatronStatus.CardReportedLost))
        {
            messages.Add("Thẻ đã được báo mất. Vui lòng liên hệ thủ thư.");
        }
        else if (patron.Blocks.HasFlag(Sip2PatronStatus.ChargePrivilegesDenied))
        {
            messages.Add(patron.BlockedCardMessage is { Length: > 0 } reason && reason != "Thẻ đã bị khóa"
                ? "Thẻ đã bị khóa: " + reason
                : "Thẻ đã bị khóa. Vui lòng liên hệ thủ thư.");
        }

        if (standing.Status.HasFlag(Sip2PatronStatus.ExcessiveOutstandingFines))
        {
            messages.Add($"Bạn còn nợ {VietnameseText.Money(standing.OutstandingFines)}, vượt hạn mức {VietnameseText.Money(patron.FeeLimit)}.");
        }

        if (messages.Count == 0)
        {
            messages.Add($"Xin chào {patron.Name}!");
        }

        return messages;
    }

    /// <summary>The status code of the last SC Status (99) received: 1 means the kiosk's printer is out of paper.</summary>
    public Sip2ScStatusCode? LastScStatus { get; private set; }

    private AcsStatusResponse AcsStatus(ScStatusRequest request)
    {
        LastScStatus = request.StatusCode;
        return AcsStatus();
    }

    private AcsStatusResponse AcsStatus() => new()
    {
        OnlineStatus = true,
        CheckinOk = policy.CheckinOk,
        CheckoutOk = policy.CheckoutOk,
        AcsRenewalPolicy = policy.RenewalOk,
        StatusUpdateOk = true,
        OfflineOk = false,
        TimeoutPeriod = (int)Math.Clamp(Math.Round(options.AdvertisedTimeout.TotalMilliseconds / 100), 1, 998),
        RetriesAllowed = options.AdvertisedRetries,
        DateTimeSync = Now,
        ProtocolVersion = "2.00",
        InstitutionId = options.InstitutionId,
        LibraryName = options.LibraryName,
        SupportedMessages = policy.SupportedMessages,
        TerminalLocation = options.TerminalLocation,
        ScreenMessages = [WelcomePrefix + options.LibraryName],
    };

    private PatronStatusResponse PatronStatus(PatronStatusRequest request)
    {
        var standing = library.Standing(request.PatronIdentifier, Pin(request.PatronPassword));
        return PatronStatusFor(request.PatronIdentifier, standing, PatronMessages(standing));
    }

    private PatronStatusResponse PatronStatusFor(string patronIdentifier, PatronStanding standing, IReadOnlyList<string> messages) => new()
    {
        PatronStatus = standing.Status,
        Language = Sip2Language.Unknown,
        TransactionDate = Now,
        InstitutionId = options.InstitutionId,
        PatronIdentifier = patronIdentifier,
        PersonalName = standing.Patron?.Name ?? string.Empty,
        ValidPatron = standing.Patron is not null,
        ValidPatronPassword = standing.PinValid,
        CurrencyType = IlsLibrary.Currency,
        FeeAmount = Amount(standing.OutstandingFines),
        ScreenMessages = messages,
    };

    private PatronInformationResponse PatronInformation(PatronInformationRequest request)
    {
        var standing = library.Standing(request.PatronIdentifier, Pin(request.PatronPassword));
        var patron = standing.Patron;

        // Lists name the patron's items; only show them to a caller who knows the PIN, or did not need to send one.
        var details = standing.Authenticated;
        List<string> List(IReadOnlyList<IlsItem> items, Sip2SummaryRequest category) =>
            details && request.Summary.HasFlag(category) ? [.. Window(items, request.StartItem, request.EndItem)] : [];

        return new PatronInformationResponse
        {
            PatronStatus = standing.Status,
            Language = Sip2Language.Unknown,
            TransactionDate = Now,
            HoldItemsCount = standing.AvailableHolds.Count,
            OverdueItemsCount = standing.Overdue.Count,
            ChargedItemsCount = standing.Loans.Count,
            FineItemsCount = standing.Overdue.Count,
            RecallItemsCount = 0,
            UnavailableHoldsCount = standing.UnavailableHolds.Count,
            InstitutionId = options.InstitutionId,
            PatronIdentifier = request.PatronIdentifier,
            PersonalName = patron?.Name ?? string.Empty,
            HoldItemsLimit = patron?.HoldLimit,
            OverdueItemsLimit = patron?.OverdueLimit,
            ChargedItemsLimit = patron?.LoanLimit,
            ValidPatron = patron is not null,
            ValidPatronPassword = standing.PinValid,
            CurrencyType = IlsLibrary.Currency,
            FeeAmount = Amount(standing.OutstandingFines),
            FeeLimit = patron is null ? null : Amount(patron.FeeLimit),
            HoldItems = List(standing.AvailableHolds, Sip2SummaryRequest.HoldItems),
            OverdueItems = List(standing.Overdue, Sip2SummaryRequest.OverdueItems),
            ChargedItems = List(standing.Loans, Sip2SummaryRequest.ChargedItems),
            FineItems = List(standing.Overdue, Sip2SummaryRequest.FineItems),
            UnavailableHoldItems = List(standing.UnavailableHolds, Sip2SummaryRequest.UnavailableHolds),
            EmailAddress = details ? patron?.EmailAddress : null,
            ScreenMessages = PatronMessages(standing),
        };
    }

    private CheckoutResponse Checkout(CheckoutRequest request, int connection)
    {
        var outcome = request.Cancel == true
            ? library.CancelCheckin(request.ItemIdentifier)
            : library.Checkout(request.PatronIdentifier, Pin(request.PatronPassword), request.ItemIdentifier, request.NoBlock, ToLocal(request.NbDueDate), request.ScRenewalPolicy);
        Log.Transaction(logger, connection, request.Name, PrivacyHash.Of(request.PatronIdentifier), request.ItemIdentifier, outcome.Ok);
        var item = outcome.Item;
        return new CheckoutResponse
        {
            Ok = outcome.Ok,
            RenewalOk = outcome.Renewal,
            MagneticMedia = MagneticMedia(item),

            // Spec, "desensitize": only a loan that happened switches the security off.
            Desensitize = outcome.Ok ? Sip2Indicator.Yes : Sip2Indicator.No,
            TransactionDate = Now,
            InstitutionId = options.InstitutionId,
            PatronIdentifier = request.PatronIdentifier,
            ItemIdentifier = request.ItemIdentifier,
            TitleIdentifier = item?.Title ?? string.Empty,
            DueDate = outcome.Ok ? DueDateText(item) : string.Empty,
            MediaType = item?.MediaType,
            ItemProperties = item is null ? null : IlsItemProperties.Format(item),
            ScreenMessages = [outcome.Message],
        };
    }

    private CheckinResponse Checkin(CheckinRequest request, int connection)
    {
        var outcome = library.Checkin(request.ItemIdentifier, request.Cancel == true);
        Log.Transaction(logger, connection, request.Name, PrivacyHash.Of(outcome.PreviousBorrower), request.ItemIdentifier, outcome.Ok);
        var item = outcome.Item;
        return new CheckinResponse
        {
            Ok = outcome.Ok,
            Resensitize = outcome.Resensitize,
            MagneticMedia = MagneticMedia(item),
            Alert = outcome.Alert,
            TransactionDate = Now,
            InstitutionId = options.InstitutionId,
            ItemIdentifier = request.ItemIdentifier,
            PermanentLocation = item?.PermanentLocation ?? string.Empty,
            TitleIdentifier = item?.Title,
            SortBin = outcome.SortBin,
            PatronIdentifier = outcome.PreviousBorrower,
            MediaType = item?.MediaType,
            ItemProperties = item is null ? null : IlsItemProperties.Format(item),
            ScreenMessages = outcome.Messages,
        };
    }

    private RenewResponse Renew(RenewRequest request, int connection)
    {
        var outcome = library.Renew(request.PatronIdentifier, Pin(request.PatronPassword), request.ItemIdentifier, request.TitleIdentifier);
        Log.Transaction(logger, connection, request.Name, PrivacyHash.Of(request.PatronIdentifier), request.ItemIdentifier ?? string.Empty, outcome.Ok);
        var item = outcome.Item;
        return new RenewResponse
        {
            Ok = outcome.Ok,
            RenewalOk = outcome.Renewal,
            MagneticMedia = MagneticMedia(item),
            Desensitize = outcome.Ok ? Sip2Indicator.Yes : Sip2Indicator.No,
            TransactionDate = Now,
            InstitutionId = options.InstitutionId,
            PatronIdentifier = request.PatronIdentifier,
            ItemIdentifier = item?.Identifier ?? request.ItemIdentifier ?? string.Empty,
            TitleIdentifier = item?.Title ?? request.TitleIdentifier ?? string.Empty,
            DueDate = outcome.Ok ? DueDateText(item) : string.Empty,
            MediaType = item?.MediaType,
            ItemProperties = item is null ? null : IlsItemProperties.Format(item),
            ScreenMessages = [outcome.Message],
        };
    }

    private RenewAllResponse RenewAll(RenewAllRequest request, int connection)
    {
        var outcome = library.RenewAll(request.PatronIdentifier, Pin(request.PatronPassword));
        Log.Transaction(logger, connection, request.Name, PrivacyHash.Of(request.PatronIdentifier), string.Empty, outcome.Ok);
        return new RenewAllResponse
        {
            Ok = outcome.Ok,
            RenewedCount = outcome.Renewed.Count,
            UnrenewedCount = outcome.Unrenewed.Count,
            TransactionDate = Now,
            InstitutionId = options.InstitutionId,
            RenewedItems = outcome.Renewed,
            UnrenewedItems = outcome.Unrenewed,
            ScreenMessages = [outcome.Message],
        };
    }

    private ItemInformationResponse ItemInformation(ItemInformationRequest request)
    {
        if (library.FindItem(request.ItemIdentifier) is not { } item)
        {
            return new ItemInformationResponse
            {
                CirculationStatus = Sip2CirculationStatus.Other,
                SecurityMarker = Sip2SecurityMarker.Other,
                FeeType = Sip2FeeType.OtherOrUnknown,
                TransactionDate = Now,
                ItemIdentifier = request.ItemIdentifier,
                TitleIdentifier = string.Empty,
                ScreenMessages = ["Không tìm thấy tài liệu này trong thư viện."],
            };
        }

        var messages = new List<string>();
        if (!item.Policy.Loanable)
        {
            messages.Add("Tài liệu chỉ đọc tại chỗ, không cho mượn về.");
        }

        if (item.Parts > 1)
        {
            messages.Add($"Tài liệu gồm {item.Parts} phần: vui lòng đặt đủ {item.Parts} phần lên đầu đọc.");
        }

        return new ItemInformationResponse
        {
            CirculationStatus = IlsLibrary.CirculationStatusOf(item),

            // RFID items carry their security in the tag's AFI, which SIP2's marker codes do not name: "other".
            SecurityMarker = Sip2SecurityMarker.Other,
            FeeType = Sip2FeeType.OtherOrUnknown,
            TransactionDate = Now,
            HoldQueueLength = item.HoldQueue.Count,
            DueDate = item.IsOnLoan ? DueDateText(item) : null,
            ItemIdentifier = item.Identifier,
            TitleIdentifier = item.Title,
            Owner = options.InstitutionId,
            MediaType = item.MediaType,
            PermanentLocation = item.PermanentLocation,
            CurrentLocation = item.IsOnLoan ? null : item.PermanentLocation,
            ItemProperties = IlsItemProperties.Format(item),
            ScreenMessages = messages,
        };
    }

    private ItemStatusUpdateResponse ItemStatusUpdate(ItemStatusUpdateRequest request)
    {
        var item = library.SetItemProperties(request.ItemIdentifier, request.ItemProperties);
        return new ItemStatusUpdateResponse
        {
            ItemPropertiesOk = item is not null,
            TransactionDate = Now,
            ItemIdentifier = request.ItemIdentifier,
            TitleIdentifier = item?.Title,
            ItemProperties = item is null ? null : IlsItemProperties.Format(item),
            ScreenMessages = [item is null ? "Không tìm thấy tài liệu này trong thư viện." : "Đã cập nhật thông tin tài liệu."],
        };
    }

    private EndSessionResponse EndPatronSession(EndPatronSessionRequest request) => new()
    {
        EndSession = true,
        TransactionDate = Now,
        InstitutionId = options.InstitutionId,
        PatronIdentifier = request.PatronIdentifier,
        ScreenMessages = ["Cảm ơn bạn đã sử dụng thư viện. Hẹn gặp lại!"],
    };

    private FeePaidResponse FeePaid(FeePaidRequest request, int connection)
    {
        var outcome = library.PayFee(request.PatronIdentifier, Pin(request.PatronPassword), request.FeeAmount, request.CurrencyType, request.TransactionId);
        Log.Transaction(logger, connection, request.Name, PrivacyHash.Of(request.PatronIdentifier), string.Empty, outcome.Accepted);
        return new FeePaidResponse
        {
            PaymentAccepted = outcome.Accepted,
            TransactionDate = Now,
            InstitutionId = options.InstitutionId,
            PatronIdentifier = request.PatronIdentifier,
            TransactionId = outcome.TransactionId,
            ScreenMessages = [outcome.Message],
        };
    }

    private HoldResponse Hold(HoldRequest request, int connection)
    {
        var pin = Pin(request.PatronPassword);
        var outcome = request.Mode switch
        {
            Sip2HoldMode.Add => library.PlaceHold(request.PatronIdentifier, pin, request.ItemIdentifier, request.TitleIdentifier, ToLocal(request.ExpirationDate)),
            Sip2HoldMode.Delete => library.CancelHold(request.PatronIdentifier, pin, request.ItemIdentifier, request.TitleIdentifier, changeOnly: false),
            _ => library.CancelHold(request.PatronIdentifier, pin, request.ItemIdentifier, request.TitleIdentifier, changeOnly: true),
        };
        Log.Transaction(logger, connection, request.Name, PrivacyHash.Of(request.PatronIdentifier), request.ItemIdentifier ?? string.Empty, outcome.Ok);
        return new HoldResponse
        {
            Ok = outcome.Ok,
            Available = outcome.Available,
            TransactionDate = Now,
            ExpirationDate = outcome.Expiration is { } expiration ? Sip2Timestamp.Local(expiration.DateTime) : null,
            QueuePosition = outcome.QueuePosition,
            PickupLocation = request.PickupLocation ?? (outcome.Ok ? outcome.Item?.PermanentLocation : null),
            InstitutionId = options.InstitutionId,
            PatronIdentifier = request.PatronIdentifier,
            ItemIdentifier = outcome.Item?.Identifier ?? request.ItemIdentifier,
            TitleIdentifier = outcome.Item?.Title ?? request.TitleIdentifier,
            ScreenMessages = [outcome.Message],
        };
    }

    private PatronEnableResponse PatronEnable(PatronEnableRequest request)
    {
        var standing = library.Enable(request.PatronIdentifier, Pin(request.PatronPassword));
        return new PatronEnableResponse
        {
            PatronStatus = standing.Status,
            Language = Sip2Language.Unknown,
            TransactionDate = Now,
            InstitutionId = options.InstitutionId,
            PatronIdentifier = request.PatronIdentifier,
            PersonalName = standing.Patron?.Name ?? string.Empty,
            ValidPatron = standing.Patron is not null,
            ValidPatronPassword = standing.PinValid,
            ScreenMessages = standing.Authenticated ? ["Thẻ đã được mở khóa."] : PatronMessages(standing),
        };
    }

    private PatronStatusResponse BlockPatron(BlockPatronRequest request, int connection)
    {
        // Spec, "Block Patron": the ACS blocks the card and answers with Patron Status Response (24).
        var standing = library.Block(request.PatronIdentifier, request.BlockedCardMessage);
        Log.Transaction(logger, connection, request.Name, PrivacyHash.Of(request.PatronIdentifier), string.Empty, standing.Patron is not null);
        return PatronStatusFor(
            request.PatronIdentifier,
            standing,
            standing.Patron is null ? PatronMessages(standing) : ["Thẻ đã bị khóa. Vui lòng liên hệ thủ thư."]);
    }

    private DateTimeOffset? ToLocal(Sip2Timestamp? timestamp)
    {
        if (timestamp?.Value is not { } value)
        {
            return null;
        }

        var zone = library.TimeProvider.LocalTimeZone;
        return value.Kind == DateTimeKind.Utc
            ? TimeZoneInfo.ConvertTime(new DateTimeOffset(value), zone)
            : new DateTimeOffset(value, zone.GetUtcOffset(value));
    }
}
