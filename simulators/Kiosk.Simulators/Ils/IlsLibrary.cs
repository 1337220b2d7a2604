using System.Text;
using Kiosk.Protocols.Sip2;

namespace Kiosk.Simulators.Ils;

/// <summary>
/// The simulated library's catalogue, readers, loans, holds and fines, with the circulation rules a real ILS enforces:
/// loan and renewal limits, holds, blocks, PINs, loan periods per item type, and overdue fines accrued per started day
/// on <see cref="TimeProvider"/>'s clock. Thread-safe: every read and change takes one lock, and patrons and items are
/// immutable records replaced whole, so tests may seed and inspect it while connections use it.
/// </summary>
public sealed class IlsLibrary
{
    /// <summary>The currency of every amount (ISO 4217), sent in SIP2 BH.</summary>
    public const string Currency = "VND";

    /// <summary>The sort bin (SIP2 CL) for a returned item that someone is waiting for.</summary>
    public const string HoldShelfSortBin = "HOLD-SHELF";

    /// <summary>How long a hold lasts when the request gives no expiration date.</summary>
    public const int HoldExpiryDays = 30;

    private const Sip2PatronStatus AllPrivilegesDenied = Sip2PatronStatus.ChargePrivilegesDenied
        | Sip2PatronStatus.RenewalPrivilegesDenied | Sip2PatronStatus.RecallPrivilegesDenied | Sip2PatronStatus.HoldPrivilegesDenied;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, IlsPatron> _patrons = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IlsItem> _items = new(StringComparer.Ordinal);

    // What to restore when the SC cancels (BI=Y) a checkout or checkin that failed on its side (spec, "cancel").
    private readonly Dictionary<string, CirculationUndo> _beforeLastCheckout = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CirculationUndo> _beforeLastCheckin = new(StringComparer.Ordinal);
    private int _payments;

    /// <summary>An empty library on <paramref name="timeProvider"/>'s clock (the system clock when null).</summary>
    public IlsLibrary(TimeProvider? timeProvider = null) => TimeProvider = timeProvider ?? TimeProvider.System;

    /// <summary>The clock for due dates and fines; tests move a <c>FakeTimeProvider</c> to make loans overdue.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Every patron, ordered by identifier.</summary>
    public IReadOnlyList<IlsPatron> Patrons
    {
        get
        {
            lock (_gate)
            {
                return [.. _patrons.Values.OrderBy(p => p.Identifier, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Every item, ordered by identifier.</summary>
    public IReadOnlyList<IlsItem> Items
    {
        get
        {
            lock (_gate)
            {
                return [.. _items.Values.OrderBy(i => i.Identifier, StringComparer.Ordinal)];
            }
        }
    }

    private DateTimeOffset Now => TimeProvider.GetLocalNow();

    /// <summary>Adds <paramref name="patron"/>, or replaces the patron with the same identifier.</summary>
    public void AddOrReplacePatron(IlsPatron patron)
    {
        ArgumentNullException.ThrowIfNull(patron);
        lock (_gate)
        {
            _patrons[patron.Identifier] = patron;
        }
    }

    /// <summary>Adds <paramref name="item"/>, or replaces the item with the same identifier.</summary>
    public void AddOrReplaceItem(IlsItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_gate)
        {
            _items[item.Identifier] = item;
        }
    }

    /// <summary>The patron with <paramref name="identifier"/>, or null.</summary>
    public IlsPatron? FindPatron(string identifier)
    {
        lock (_gate)
        {
            return _patrons.GetValueOrDefault(identifier);
        }
    }

    /// <summary>The item with <paramref name="identifier"/>, or null.</summary>
    public IlsItem? FindItem(string identifier)
    {
        lock (_gate)
        {
            return _items.GetValueOrDefault(identifier);
        }
    }

    /// <summary>Replaces a patron with <paramref name="change"/>'s result, atomically, and returns it.</summary>
    /// <exception cref="KeyNotFoundException">No patron has <paramref name="identifier"/>.</exception>
    public IlsPatron UpdatePatron(string identifier, Func<IlsPatron, IlsPatron> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            var patron = _patrons.GetValueOrDefault(identifier)
                ?? throw new KeyNotFoundException($"No patron '{identifier}' in the simulated library; add it with {nameof(AddOrReplacePatron)} first.");
            var changed = change(patron) with { Identifier = identifier };
            _patrons[identifier] = changed;
            return changed;
        }
    }

    /// <summary>Replaces an item with <paramref name="change"/>'s result, atomically, and returns it.</summary>
    /// <exception cref="KeyNotFoundException">No item has <paramref name="identifier"/>.</exception>
    public IlsItem UpdateItem(string identifier, Func<IlsItem, IlsItem> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            var item = _items.GetValueOrDefault(identifier)
                ?? throw new KeyNotFoundException($"No item '{identifier}' in the simulated library; add it with {nameof(AddOrReplaceItem)} first.");
            var changed = change(item) with { Identifier = identifier };
            _items[identifier] = changed;
            return changed;
        }
    }

    /// <summary>The items on loan to a patron, ordered by identifier.</summary>
    public IReadOnlyList<IlsItem> LoansOf(string patronIdentifier) => Standing(patronIdentifier, null).Loans;

    /// <summary>Fines charged and not paid plus fines accruing on overdue loans now, in VND; 0 for an unknown patron.</summary>
    public long OutstandingFinesOf(string patronIdentifier) => Standing(patronIdentifier, null).OutstandingFines;

    /// <summary>The SIP2 patron status now: the stored blocks plus the conditions that follow from loans and fines.</summary>
    public Sip2PatronStatus StatusOf(string patronIdentifier) => Standing(patronIdentifier, null).Status;

    internal PatronStanding Standing(string patronIdentifier, string? pin)
    {
        lock (_gate)
        {
            return StandingLocked(patronIdentifier, pin, Now);
        }
    }

    internal LoanOutcome Checkout(string patronIdentifier, string? pin, string itemIdentifier, bool noBlock, DateTimeOffset? noBlockDueDate, bool renewalAllowed = true)
    {
        lock (_gate)
        {
            var now = Now;
            var standing = StandingLocked(patronIdentifier, pin, now);
            var item = _items.GetValueOrDefault(itemIdentifier);
            if (standing.Patron is not { } patron)
            {
                return Refused(null, item, null, "Không tìm thấy bạn đọc. Vui lòng liên hệ thủ thư.");
            }

            if (standing.PinValid == false)
            {
                return Refused(patron, item, false, "Sai mã PIN. Vui lòng thử lại.");
            }

            if (item is null)
            {
                return Refused(patron, null, standing.PinValid, "Không tìm thấy tài liệu này trong thư viện.");
            }

            // Spec, "renewal ok": a checkout of an item the patron already has is a renewal, when the SC's renewal
            // policy allows it; otherwise it is refused with renewal ok = Y, telling the SC the patron already has it.
            if (item.BorrowerIdentifier == patronIdentifier)
            {
                return renewalAllowed
                    ? RenewLocked(standing, item, now)
                    : new LoanOutcome(false, true, patron, item, standing.PinValid, "Bạn đang mượn tài liệu này.");
            }

            // Spec, "no block": the loan already happened off-line, so the ACS must not refuse it.
            if (!noBlock && LoanRefusal(standing, item) is { } refusal)
            {
                return Refused(patron, item, standing.PinValid, refusal);
            }

            _beforeLastCheckout[itemIdentifier] = new CirculationUndo(item, 0);
            _beforeLastCheckin.Remove(itemIdentifier);
            var due = noBlock && noBlockDueDate is { } given ? given : DueDate(now, item.Policy);
            var loaned = item with
            {
                BorrowerIdentifier = patronIdentifier,
                CheckedOutAt = now,
                DueDate = due,
                RenewalCount = 0,
                HoldQueue = [.. item.HoldQueue.Where(id => id != patronIdentifier)],
            };
            _items[itemIdentifier] = loaned;
            return new LoanOutcome(true, false, patron, loaned, standing.PinValid, "Mượn thành công. Hạn trả: " + VietnameseText.Date(due));
        }
    }

    /// <summary>Checkout with BI=Y: undoes the item's last checkin, which failed on the SC's side.</summary>
    internal LoanOutcome CancelCheckin(string itemIdentifier)
    {
        lock (_gate)
        {
            var item = _items.GetValueOrDefault(itemIdentifier);
            if (item is null)
            {
                return Refused(null, null, null, "Không tìm thấy tài liệu này trong thư viện.");
            }

            if (item.IsOnLoan || !_beforeLastCheckin.Remove(itemIdentifier, out var undo))
            {
                return Refused(null, item, null, "Không có giao dịch trả nào để hủy.");
            }

            var restored = undo.Before with { HoldQueue = item.HoldQueue };
            _items[itemIdentifier] = restored;
            var borrower = restored.BorrowerIdentifier is { } id ? _patrons.GetValueOrDefault(id) : null;
            if (borrower is not null && undo.FineCharged > 0)
            {
                borrower = borrower with { FineBalance = Math.Max(0, borrower.FineBalance - undo.FineCharged) };
                _patrons[borrower.Identifier] = borrower;
            }

            return new LoanOutcome(true, false, borrower, restored, null, "Đã hủy giao dịch trả. Tài liệu vẫn đang được mượn.");
        }
    }

    internal LoanOutcome Renew(string patronIdentifier, string? pin, string? itemIdentifier, string? title)
    {
        lock (_gate)
        {
            var now = Now;
            var standing = StandingLocked(patronIdentifier, pin, now);
            if (standing.Patron is not { } patron)
            {
                return Refused(null, null, null, "Không tìm thấy bạn đọc. Vui lòng liên hệ thủ thư.");
            }

            if (standing.PinValid == false)
            {
                return Refused(patron, null, false, "Sai mã PIN. Vui lòng thử lại.");
            }

            var item = !string.IsNullOrEmpty(itemIdentifier)
                ? _items.GetValueOrDefault(itemIdentifier)
                : standing.Loans.FirstOrDefault(i => SameTitle(i.Title, title));
            if (item is null)
            {
                return Refused(patron, null, standing.PinValid, "Không tìm thấy tài liệu này trong thư viện.");
            }

            if (item.BorrowerIdentifier != patronIdentifier)
            {
                return Refused(patron, item, standing.PinValid, "Tài liệu này không có trong danh sách bạn đang mượn.");
            }

            return RenewLocked(standing, item, now);
        }
    }

    internal RenewAllOutcome RenewAll(string patronIdentifier, string? pin)
    {
        lock (_gate)
        {
            var now = Now;
            var standing = StandingLocked(patronIdentifier, pin, now);
            if (standing.Patron is null)
            {
                return new RenewAllOutcome(false, [], [], "Không tìm thấy bạn đọc. Vui lòng liên hệ thủ thư.");
            }

            if (standing.PinValid == false)
            {
                return new RenewAllOutcome(false, [], [], "Sai mã PIN. Vui lòng thử lại.");
            }

            var renewed = new List<string>();
            var unrenewed = new List<string>();
            foreach (var loan in standing.Loans)
            {
                (RenewLocked(standing, loan, now).Ok ? renewed : unrenewed).Add(loan.Identifier);
            }

            return new RenewAllOutcome(true, renewed, unrenewed, $"Đã gia hạn {renewed.Count} tài liệu; {unrenewed.Count} tài liệu không gia hạn được.");
        }
    }

    internal ReturnOutcome Checkin(string itemIdentifier, bool cancel)
    {
        lock (_gate)
        {
            if (!_items.TryGetValue(itemIdentifier, out var item))
            {
                return new ReturnOutcome(false, false, true, null, null, null, ["Không tìm thấy tài liệu này trong thư viện. Vui lòng để tài liệu tại quầy thủ thư."]);
            }

            if (cancel)
            {
                return CancelCheckoutLocked(item);
            }

            var now = Now;
            var held = item.HoldQueue.Count > 0;
            var messages = new List<string>();
            string? borrower = null;
            if (item.IsOnLoan)
            {
                borrower = item.BorrowerIdentifier!;
                var fine = AccruedFine(item, now);
                _beforeLastCheckin[itemIdentifier] = new CirculationUndo(item, fine);
                _beforeLastCheckout.Remove(itemIdentifier);
                if (fine > 0 && _patrons.TryGetValue(borrower, out var patron))
                {
                    _patrons[borrower] = patron with { FineBalance = patron.FineBalance + fine };
                }

                item = item with { BorrowerIdentifier = null, CheckedOutAt = null, DueDate = null, RenewalCount = 0 };
                _items[itemIdentifier] = item;
                messages.Add("Trả thành công. Cảm ơn bạn!");
                if (fine > 0)
                {
                    messages.Add($"Trả quá hạn {OverdueDays(_beforeLastCheckin[itemIdentifier].Before.DueDate!.Value, now)} ngày. Phí phạt: {VietnameseText.Money(fine)}.");
                }
            }
            else
            {
                messages.Add("Tài liệu này chưa được mượn.");
            }

            if (held)
            {
                messages.Add("Tài liệu có bạn đọc đặt giữ: vui lòng để lên kệ giữ sách.");
            }

            // Spec, "resensitize": the item is back in the library, so its security belongs on.
            return new ReturnOutcome(true, true, held, item, borrower, held ? HoldShelfSortBin : null, messages);
        }
    }

    internal HoldOutcome PlaceHold(string patronIdentifier, string? pin, string? itemIdentifier, string? title, DateTimeOffset? expiration)
    {
        lock (_gate)
        {
            var now = Now;
            var standing = StandingLocked(patronIdentifier, pin, now);
            var item = ResolveLocked(itemIdentifier, title);
            if (AuthenticationRefusal(standing) is { } refusal)
            {
                return new HoldOutcome(false, false, item, null, null, refusal);
            }

            var patron = standing.Patron!;
            string? reason = null;
            if (standing.Status.HasFlag(Sip2PatronStatus.HoldPrivilegesDenied))
            {
                reason = "Không thể đặt giữ: thẻ đã bị khóa.";
            }
            else if (item is null)
            {
                reason = "Không tìm thấy tài liệu này trong thư viện.";
            }
            else if (!item.Policy.Loanable)
            {
                reason = "Tài liệu chỉ đọc tại chỗ, không thể đặt giữ.";
            }
            else if (item.BorrowerIdentifier == patronIdentifier)
            {
                reason = "Bạn đang mượn tài liệu này.";
            }
            else if (item.HoldQueue.Contains(patronIdentifier))
            {
                reason = "Bạn đã đặt giữ tài liệu này rồi.";
            }
            else if (standing.AvailableHolds.Count + standing.UnavailableHolds.Count >= patron.HoldLimit)
            {
                reason = $"Bạn đã đặt giữ tối đa {patron.HoldLimit} tài liệu.";
            }

            if (reason is not null)
            {
                return new HoldOutcome(false, item is { IsOnLoan: false, HoldQueue.Count: 0 }, item, null, null, reason);
            }

            var available = !item!.IsOnLoan && item.HoldQueue.Count == 0;
            item = item with { HoldQueue = [.. item.HoldQueue, patronIdentifier] };
            _items[item.Identifier] = item;
            var position = item.HoldQueue.Count;
            return new HoldOutcome(true, available, item, position, expiration ?? now.AddDays(HoldExpiryDays), $"Đặt giữ thành công. Vị trí trong hàng chờ: {position}.");
        }
    }

    internal HoldOutcome CancelHold(string patronIdentifier, string? pin, string? itemIdentifier, string? title, bool changeOnly)
    {
        lock (_gate)
        {
            var standing = StandingLocked(patronIdentifier, pin, Now);
            var item = string.IsNullOrEmpty(itemIdentifier)
                ? _items.Values.FirstOrDefault(i => i.HoldQueue.Contains(patronIdentifier) && SameTitle(i.Title, title))
                : _items.GetValueOrDefault(itemIdentifier);
            if (AuthenticationRefusal(standing) is { } refusal)
            {
                return new HoldOutcome(false, false, item, null, null, refusal);
            }

            var position = item is null ? -1 : IndexOf(item.HoldQueue, patronIdentifier);
            if (item is null || position < 0)
            {
                return new HoldOutcome(false, false, item, null, null, "Bạn không có yêu cầu đặt giữ nào cho tài liệu này.");
            }

            if (changeOnly)
            {
                return new HoldOutcome(true, false, item, position + 1, null, "Đã cập nhật yêu cầu đặt giữ.");
            }

            item = item with { HoldQueue = [.. item.HoldQueue.Where(id => id != patronIdentifier)] };
            _items[item.Identifier] = item;
            return new HoldOutcome(true, !item.IsOnLoan && item.HoldQueue.Count == 0, item, null, null, "Đã hủy yêu cầu đặt giữ.");
        }
    }

    internal PaymentOutcome PayFee(string patronIdentifier, string? pin, string amountText, string currency, string? transactionId)
    {
        lock (_gate)
        {
            var now = Now;
            var standing = StandingLocked(patronIdentifier, pin, now);
            var id = string.IsNullOrEmpty(transactionId) ? "TT" + (++_payments).ToString("D6", System.Globalization.CultureInfo.InvariantCulture) : transactionId;
            if (AuthenticationRefusal(standing) is { } refusal)
            {
                return new PaymentOutcome(false, 0, id, refusal);
            }

            var patron = standing.Patron!;
            if (!string.Equals(currency, Currency, StringComparison.OrdinalIgnoreCase))
            {
                return new PaymentOutcome(false, patron.FineBalance, id, $"Chỉ nhận thanh toán bằng {Currency}, không nhận {currency}.");
            }

            if (!decimal.TryParse(amountText, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var amount)
                || amount <= 0 || amount != decimal.Truncate(amount))
            {
                return new PaymentOutcome(false, patron.FineBalance, id, $"Số tiền '{amountText}' không hợp lệ: cần một số nguyên dương, tính bằng VND.");
            }

            var paid = (long)amount;
            if (paid > patron.FineBalance)
            {
                return new PaymentOutcome(false, patron.FineBalance, id, $"Số tiền {VietnameseText.Money(paid)} lớn hơn số phí đang nợ {VietnameseText.Money(patron.FineBalance)}.");
            }

            patron = patron with { FineBalance = patron.FineBalance - paid };
            _patrons[patron.Identifier] = patron;
            var remaining = standing.OutstandingFines - paid;
            return new PaymentOutcome(true, patron.FineBalance, id, $"Đã thanh toán {VietnameseText.Money(paid)}. Còn nợ: {VietnameseText.Money(remaining)}.");
        }
    }

    internal IlsItem? SetItemProperties(string itemIdentifier, string properties)
    {
        lock (_gate)
        {
            if (!_items.TryGetValue(itemIdentifier, out var item))
            {
                return null;
            }

            // The SC may send back what it read, parts=N included; keep only the free text, since parts is catalogue data.
            var free = string.Join(';', properties.Split(';', StringSplitOptions.TrimEntries)
                .Where(p => p.Length > 0 && !p.StartsWith(IlsItemProperties.PartsKey + "=", StringComparison.Ordinal)));
            item = item with { Properties = free.Length == 0 ? null : free };
            _items[itemIdentifier] = item;
            return item;
        }
    }

    internal PatronStanding Block(string patronIdentifier, string? blockedCardMessage)
    {
        lock (_gate)
        {
            if (_patrons.TryGetValue(patronIdentifier, out var patron))
            {
                _patrons[patronIdentifier] = patron with
                {
                    Blocks = patron.Blocks | AllPrivilegesDenied,
                    BlockedCardMessage = string.IsNullOrEmpty(blockedCardMessage) ? patron.BlockedCardMessage : blockedCardMessage,
                };
            }

            return StandingLocked(patronIdentifier, null, Now);
        }
    }

    internal PatronStanding Enable(string patronIdentifier, string? pin)
    {
        lock (_gate)
        {
            var now = Now;
            var standing = StandingLocked(patronIdentifier, pin, now);
            if (!standing.Authenticated)
            {
                return standing;
            }

            _patrons[patronIdentifier] = standing.Patron! with { Blocks = Sip2PatronStatus.None, BlockedCardMessage = null };
            return StandingLocked(patronIdentifier, pin, now);
        }
    }

    /// <summary>The circulation status of an item for Item Information (spec, "circulation status").</summary>
    internal static Sip2CirculationStatus CirculationStatusOf(IlsItem item) =>
        item.IsOnLoan ? Sip2CirculationStatus.Charged
        : item.HoldQueue.Count > 0 ? Sip2CirculationStatus.WaitingOnHoldShelf
        : Sip2CirculationStatus.Available;

    /// <summary>The fine accruing on an overdue loan: the item type's daily fine for each started day past due.</summary>
    internal static long AccruedFine(IlsItem item, DateTimeOffset now) =>
        item.DueDate is { } due && now > due ? OverdueDays(due, now) * item.Policy.DailyFine : 0;

    private static int OverdueDays(DateTimeOffset due, DateTimeOffset now) => (int)Math.Ceiling((now - due).TotalDays);

    /// <summary>Due at the end of the last day of the loan period, local time, as libraries set due dates.</summary>
    private static DateTimeOffset DueDate(DateTimeOffset now, IlsLoanPolicy policy) =>
        new(now.Date.AddDays(policy.LoanDays).Add(new TimeSpan(23, 59, 59)), now.Offset);

    private static bool SameTitle(string title, string? wanted) =>
        wanted is not null && string.Equals(title.Normalize(NormalizationForm.FormC), wanted.Normalize(NormalizationForm.FormC), StringComparison.OrdinalIgnoreCase);

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    private static LoanOutcome Refused(IlsPatron? patron, IlsItem? item, bool? pinValid, string message) =>
        new(false, patron is not null && item?.BorrowerIdentifier == patron.Identifier, patron, item, pinValid, message);

    private static string? AuthenticationRefusal(PatronStanding standing) =>
        standing.Patron is null ? "Không tìm thấy bạn đọc. Vui lòng liên hệ thủ thư."
        : standing.PinValid == false ? "Sai mã PIN. Vui lòng thử lại."
        : null;

    private static string? LoanRefusal(PatronStanding standing, IlsItem item)
    {
        var patron = standing.Patron!;
        var status = standing.Status;
        if (status.HasFlag(Sip2PatronStatus.CardReportedLost))
        {
            return "Thẻ đã được báo mất. Vui lòng liên hệ thủ thư.";
        }

        if (patron.Blocks.HasFlag(Sip2PatronStatus.ChargePrivilegesDenied))
        {
            return "Thẻ đã bị khóa. Vui lòng liên hệ thủ thư.";
        }

        if (!item.Policy.Loanable)
        {
            return "Tài liệu chỉ đọc tại chỗ, không cho mượn về.";
        }

        if (item.IsOnLoan)
        {
            return "Tài liệu đang được bạn đọc khác mượn.";
        }

        if (item.HoldQueue.Count > 0 && item.HoldQueue[0] != patron.Identifier)
        {
            return "Tài liệu đang được giữ cho bạn đọc khác.";
        }

        if (status.HasFlag(Sip2PatronStatus.ExcessiveOutstandingFines))
        {
            return $"Bạn còn nợ {VietnameseText.Money(standing.OutstandingFines)}, vượt hạn mức {VietnameseText.Money(patron.FeeLimit)}. Vui lòng thanh toán trước khi mượn.";
        }

        if (status.HasFlag(Sip2PatronStatus.TooManyItemsOverdue))
        {
            return $"Bạn có {standing.Overdue.Count} tài liệu quá hạn. Vui lòng trả trước khi mượn thêm.";
        }

        return standing.Loans.Count >= patron.LoanLimit ? $"Bạn đã mượn tối đa {patron.LoanLimit} tài liệu." : null;
    }

    private LoanOutcome RenewLocked(PatronStanding standing, IlsItem item, DateTimeOffset now)
    {
        var patron = standing.Patron!;
        var status = standing.Status;
        var refusal =
            status.HasFlag(Sip2PatronStatus.CardReportedLost) ? "Thẻ đã được báo mất. Vui lòng liên hệ thủ thư."
            : status.HasFlag(Sip2PatronStatus.ExcessiveOutstandingFines) ? $"Không thể gia hạn: bạn còn nợ {VietnameseText.Money(standing.OutstandingFines)}, vượt hạn mức {VietnameseText.Money(patron.FeeLimit)}."
            : status.HasFlag(Sip2PatronStatus.RenewalPrivilegesDenied) ? "Không thể gia hạn: thẻ đã bị khóa."
            : item.RenewalCount >= item.Policy.MaxRenewals ? $"Không thể gia hạn: đã hết lượt gia hạn (tối đa {item.Policy.MaxRenewals} lần)."
            : item.HoldQueue.Count > 0 ? "Không thể gia hạn: tài liệu có bạn đọc khác đặt giữ."
            : null;
        if (refusal is not null)
        {
            return new LoanOutcome(false, true, patron, item, standing.PinValid, refusal);
        }

        // A renewal moves the due date, so the fine accrued so far is charged now, as ILSs do.
        var fine = AccruedFine(item, now);
        if (fine > 0)
        {
            var charged = _patrons[patron.Identifier];
            _patrons[patron.Identifier] = charged with { FineBalance = charged.FineBalance + fine };
        }

        _beforeLastCheckout[item.Identifier] = new CirculationUndo(item, fine);
        _beforeLastCheckin.Remove(item.Identifier);
        var due = DueDate(now, item.Policy);
        var renewed = item with { DueDate = due, RenewalCount = item.RenewalCount + 1 };
        _items[item.Identifier] = renewed;
        return new LoanOutcome(true, true, patron, renewed, standing.PinValid, "Gia hạn thành công. Hạn trả mới: " + VietnameseText.Date(due));
    }

    private ReturnOutcome CancelCheckoutLocked(IlsItem item)
    {
        if (!item.IsOnLoan || !_beforeLastCheckout.Remove(item.Identifier, out var undo))
        {
            return new ReturnOutcome(false, false, false, item, item.BorrowerIdentifier, null, ["Không có giao dịch mượn nào để hủy."]);
        }

        var borrower = item.BorrowerIdentifier!;
        var restored = undo.Before with { HoldQueue = undo.Before.IsOnLoan ? item.HoldQueue : undo.Before.HoldQueue };
        _items[item.Identifier] = restored;
        if (undo.FineCharged > 0 && _patrons.TryGetValue(borrower, out var patron))
        {
            _patrons[borrower] = patron with { FineBalance = Math.Max(0, patron.FineBalance - undo.FineCharged) };
        }

        // A cancelled new loan puts the item back in the library (security on); a cancelled renewal leaves the old loan.
        return new ReturnOutcome(true, !restored.IsOnLoan, false, restored, borrower, null, ["Đã hủy giao dịch mượn."]);
    }

    private IlsItem? ResolveLocked(string? itemIdentifier, string? title) =>
        !string.IsNullOrEmpty(itemIdentifier)
            ? _items.GetValueOrDefault(itemIdentifier)
            : _items.Values.OrderBy(i => i.Identifier, StringComparer.Ordinal).FirstOrDefault(i => SameTitle(i.Title, title));

    private PatronStanding StandingLocked(string patronIdentifier, string? pin, DateTimeOffset now)
    {
        if (!_patrons.TryGetValue(patronIdentifier, out var patron))
        {
            return new PatronStanding(null, null, AllPrivilegesDenied, 0, [], [], [], []);
        }

        var loans = _items.Values.Where(i => i.BorrowerIdentifier == patronIdentifier).OrderBy(i => i.Identifier, StringComparer.Ordinal).ToList();
        var overdue = loans.Where(i => i.DueDate < now).ToList();
        var holds = _items.Values.Where(i => i.HoldQueue.Contains(patronIdentifier)).OrderBy(i => i.Identifier, StringComparer.Ordinal).ToList();
        var available = holds.Where(i => !i.IsOnLoan && i.HoldQueue[0] == patronIdentifier).ToList();
        var unavailable = holds.Where(i => !available.Contains(i)).ToList();
        var outstanding = patron.FineBalance + loans.Sum(i => AccruedFine(i, now));

        var status = patron.Blocks;
        if (loans.Count >= patron.LoanLimit)
        {
            status |= Sip2PatronStatus.TooManyItemsCharged;
        }

        if (overdue.Count >= patron.OverdueLimit)
        {
            status |= Sip2PatronStatus.TooManyItemsOverdue | Sip2PatronStatus.ChargePrivilegesDenied;
        }

        if (outstanding > patron.FeeLimit)
        {
            status |= Sip2PatronStatus.ExcessiveOutstandingFines | Sip2PatronStatus.ChargePrivilegesDenied | Sip2PatronStatus.RenewalPrivilegesDenied;
        }

        if (status.HasFlag(Sip2PatronStatus.CardReportedLost))
        {
            // A lost card must not borrow, renew or hold for whoever found it.
            status |= AllPrivilegesDenied;
        }

        bool? pinValid = string.IsNullOrEmpty(pin) ? null : string.Equals(pin, patron.Pin, StringComparison.Ordinal);
        return new PatronStanding(patron, pinValid, status, outstanding, loans, overdue, available, unavailable);
    }
}
