using Kiosk.Protocols.Sip2;

namespace Kiosk.Simulators.Ils;

/// <summary>
/// The Vietnamese sample library the simulator starts with: five kinds of reader and a shelf of Vietnamese
/// literature that exercises every circulation rule. The barcodes and PINs are sample data, safe to show.
/// </summary>
public static class IlsSampleData
{
    /// <summary>Nguyễn Văn An, an adult in good standing. PIN <see cref="AdultPin"/>.</summary>
    public const string AdultPatron = "BD0001";

    /// <summary>The PIN of <see cref="AdultPatron"/>.</summary>
    public const string AdultPin = "1234";

    /// <summary>Lê Minh Khang, a child who may borrow 2 items at once. PIN <see cref="ChildPin"/>.</summary>
    public const string ChildPatron = "BD0002";

    /// <summary>The PIN of <see cref="ChildPatron"/>.</summary>
    public const string ChildPin = "2468";

    /// <summary>Phạm Văn Bình, whose card is blocked (charge privileges denied). PIN <see cref="BlockedPin"/>.</summary>
    public const string BlockedPatron = "BD0003";

    /// <summary>The PIN of <see cref="BlockedPatron"/>.</summary>
    public const string BlockedPin = "1111";

    /// <summary>Lê Thị Hoa, who owes 150.000 VND against a 100.000 VND limit. PIN <see cref="FinedPin"/>.</summary>
    public const string FinedPatron = "BD0004";

    /// <summary>The PIN of <see cref="FinedPatron"/>.</summary>
    public const string FinedPin = "2222";

    /// <summary>Hoàng Văn Dũng, whose card was reported lost. PIN <see cref="LostCardPin"/>.</summary>
    public const string LostCardPatron = "BD0005";

    /// <summary>The PIN of <see cref="LostCardPatron"/>.</summary>
    public const string LostCardPin = "3333";

    /// <summary>Võ Thị Lan, who has <see cref="OnLoanItem"/> and a hold on <see cref="HeldItem"/>. PIN <see cref="HolderPin"/>.</summary>
    public const string HolderPatron = "BD0006";

    /// <summary>The PIN of <see cref="HolderPatron"/>.</summary>
    public const string HolderPin = "4444";

    /// <summary>The fine owed by <see cref="FinedPatron"/>, in VND.</summary>
    public const long FinedPatronBalance = 150_000;

    /// <summary>Truyện Kiều, an adult book on the shelf.</summary>
    public const string AvailableBook = "TV0001";

    /// <summary>Dế Mèn phiêu lưu ký, a children's book on the shelf.</summary>
    public const string ChildrensBook = "TV0002";

    /// <summary>Số đỏ, on loan to <see cref="HolderPatron"/>.</summary>
    public const string OnLoanItem = "TV0003";

    /// <summary>Tắt đèn, on the hold shelf for <see cref="HolderPatron"/>.</summary>
    public const string HeldItem = "TV0004";

    /// <summary>Chí Phèo, an adult book on the shelf.</summary>
    public const string SecondAvailableBook = "TV0005";

    /// <summary>Nỗi buồn chiến tranh, an adult book on the shelf.</summary>
    public const string ThirdAvailableBook = "TV0006";

    /// <summary>Đất rừng phương Nam, one item in 2 parts (2 volumes, 2 tags).</summary>
    public const string TwoPartSet = "TV0007";

    /// <summary>Từ điển tiếng Việt, a reference work that is never lent.</summary>
    public const string ReferenceItem = "TV0008";

    /// <summary>Lão Hạc, a children's book on the shelf.</summary>
    public const string SecondChildrensBook = "TV0009";

    /// <summary>Tuổi Trẻ cuối tuần, a magazine: 7 days, no renewal.</summary>
    public const string Magazine = "TV0010";

    /// <summary>Adds the sample patrons and items to <paramref name="library"/>; loans are dated from its clock.</summary>
    public static void Seed(IlsLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        var now = library.TimeProvider.GetLocalNow();

        library.AddOrReplacePatron(new IlsPatron { Identifier = AdultPatron, Name = "Nguyễn Văn An", Pin = AdultPin, EmailAddress = "an.nguyen@example.vn" });
        library.AddOrReplacePatron(new IlsPatron
        {
            Identifier = ChildPatron, Name = "Lê Minh Khang", Pin = ChildPin, Category = IlsPatronCategory.Child, LoanLimit = 2, HoldLimit = 1, FeeLimit = 50_000,
        });
        library.AddOrReplacePatron(new IlsPatron
        {
            Identifier = BlockedPatron, Name = "Phạm Văn Bình", Pin = BlockedPin,
            Blocks = Sip2PatronStatus.ChargePrivilegesDenied | Sip2PatronStatus.RenewalPrivilegesDenied
                | Sip2PatronStatus.RecallPrivilegesDenied | Sip2PatronStatus.HoldPrivilegesDenied,
            BlockedCardMessage = "Thẻ đã bị khóa",
        });
        library.AddOrReplacePatron(new IlsPatron { Identifier = FinedPatron, Name = "Lê Thị Hoa", Pin = FinedPin, FineBalance = FinedPatronBalance, FeeLimit = 100_000 });
        library.AddOrReplacePatron(new IlsPatron { Identifier = LostCardPatron, Name = "Hoàng Văn Dũng", Pin = LostCardPin, Blocks = Sip2PatronStatus.CardReportedLost });
        library.AddOrReplacePatron(new IlsPatron { Identifier = HolderPatron, Name = "Võ Thị Lan", Pin = HolderPin });

        library.AddOrReplaceItem(new IlsItem { Identifier = AvailableBook, Title = "Truyện Kiều", Author = "Nguyễn Du" });
        library.AddOrReplaceItem(new IlsItem { Identifier = ChildrensBook, Title = "Dế Mèn phiêu lưu ký", Author = "Tô Hoài", Type = IlsItemType.ChildrensBook, PermanentLocation = "Phòng thiếu nhi" });
        library.AddOrReplaceItem(new IlsItem
        {
            Identifier = OnLoanItem, Title = "Số đỏ", Author = "Vũ Trọng Phụng",
            BorrowerIdentifier = HolderPatron, CheckedOutAt = now.AddDays(-7), DueDate = new DateTimeOffset(now.Date.AddDays(14).Add(new TimeSpan(23, 59, 59)), now.Offset),
        });
        library.AddOrReplaceItem(new IlsItem { Identifier = HeldItem, Title = "Tắt đèn", Author = "Ngô Tất Tố", HoldQueue = [HolderPatron] });
        library.AddOrReplaceItem(new IlsItem { Identifier = SecondAvailableBook, Title = "Chí Phèo", Author = "Nam Cao" });
        library.AddOrReplaceItem(new IlsItem { Identifier = ThirdAvailableBook, Title = "Nỗi buồn chiến tranh", Author = "Bảo Ninh" });
        library.AddOrReplaceItem(new IlsItem { Identifier = TwoPartSet, Title = "Đất rừng phương Nam (2 tập)", Author = "Đoàn Giỏi", Parts = 2 });
        library.AddOrReplaceItem(new IlsItem
        {
            Identifier = ReferenceItem, Title = "Từ điển tiếng Việt", Author = "Hoàng Phê (chủ biên)", Type = IlsItemType.Reference, PermanentLocation = "Phòng tra cứu",
        });
        library.AddOrReplaceItem(new IlsItem { Identifier = SecondChildrensBook, Title = "Lão Hạc", Author = "Nam Cao", Type = IlsItemType.ChildrensBook, PermanentLocation = "Phòng thiếu nhi" });
        library.AddOrReplaceItem(new IlsItem { Identifier = Magazine, Title = "Tuổi Trẻ cuối tuần", Author = "Báo Tuổi Trẻ", Type = IlsItemType.Magazine, MediaType = Sip2MediaType.Magazine });
    }

    /// <summary>One line per patron for a console: barcode, PIN, name and what makes them interesting.</summary>
    public static IReadOnlyList<string> DescribePatrons(IlsLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        return [.. library.Patrons.Select(p =>
        {
            var status = library.StatusOf(p.Identifier);
            var notes = new List<string>();
            if (p.Category == IlsPatronCategory.Child)
            {
                notes.Add($"trẻ em, tối đa {p.LoanLimit} tài liệu");
            }

            if (p.Blocks.HasFlag(Sip2PatronStatus.ChargePrivilegesDenied))
            {
                notes.Add("thẻ bị khóa");
            }

            if (status.HasFlag(Sip2PatronStatus.CardReportedLost))
            {
                notes.Add("thẻ báo mất");
            }

            if (status.HasFlag(Sip2PatronStatus.ExcessiveOutstandingFines))
            {
                notes.Add($"nợ {VietnameseText.Money(library.OutstandingFinesOf(p.Identifier))} > hạn mức {VietnameseText.Money(p.FeeLimit)}");
            }

            var loans = library.LoansOf(p.Identifier);
            if (loans.Count > 0)
            {
                notes.Add("đang mượn " + string.Join(", ", loans.Select(i => i.Identifier)));
            }

            return $"{p.Identifier}  PIN {p.Pin}  {p.Name}{(notes.Count > 0 ? "  (" + string.Join("; ", notes) + ")" : string.Empty)}";
        })];
    }

    /// <summary>One line per item for a console: barcode, title, and its state.</summary>
    public static IReadOnlyList<string> DescribeItems(IlsLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        return [.. library.Items.Select(i =>
        {
            var notes = new List<string>();
            if (!i.Policy.Loanable)
            {
                notes.Add("chỉ đọc tại chỗ");
            }

            if (i.Parts > 1)
            {
                notes.Add($"{i.Parts} phần");
            }

            if (i.BorrowerIdentifier is { } borrower)
            {
                notes.Add($"đang cho {borrower} mượn");
            }

            if (i.HoldQueue.Count > 0)
            {
                notes.Add("đặt giữ cho " + string.Join(", ", i.HoldQueue));
            }

            return $"{i.Identifier}  {i.Title} - {i.Author}{(notes.Count > 0 ? "  (" + string.Join("; ", notes) + ")" : string.Empty)}";
        })];
    }
}
