using Kiosk.Protocols.Printing;

namespace Kiosk.Benchmarks;

/// <summary>The benchmark receipt: 10 Vietnamese titles (7 borrowed, 3 returned), ILS messages, no logo or code.</summary>
internal static class TenItemVietnameseReceipt
{
    private static readonly string[] s_titles =
    [
        "Truyện Kiều (bản chú giải đầy đủ của Đào Duy Anh)",
        "Lược sử thời gian",
        "Dế Mèn phiêu lưu ký",
        "Số đỏ",
        "Nỗi buồn chiến tranh",
        "Tắt đèn",
        "Những ngôi sao xa xôi",
        "Ổ chuột và những chuyện kể ở Hội An",
        "Đất rừng phương Nam",
        "Bỉ vỏ",
    ];

    public static Receipt Create() => new()
    {
        LibraryName = "THƯ VIỆN QUỐC GIA VIỆT NAM",
        Address = "31 Tràng Thi, Hoàn Kiếm, Hà Nội",
        Patron = PatronDisplayName.Create("Nguyễn Thị Hồng Nhung", "20000123456789"),
        Items = [.. s_titles.Select((title, index) => index % 3 == 2
            ? ReceiptItem.Returned(title)
            : ReceiptItem.Borrowed(title, new DateOnly(2025, 7, 15)))],
        ScreenMessages = ["Bạn còn 3 lượt mượn."],
        PrintLines = ["ĐỪNG QUÊN TRẢ SÁCH ĐÚNG HẠN"],
        PrintedAt = new DateTimeOffset(2025, 7, 1, 14, 5, 0, TimeSpan.FromHours(7)),
        Language = ReceiptLanguage.Vietnamese,
    };
}
