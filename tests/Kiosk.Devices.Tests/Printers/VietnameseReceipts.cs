using Kiosk.Protocols.Printing;

namespace Kiosk.Devices.Tests.Printers;

internal static class VietnameseReceipts
{
    public static readonly string[] Titles =
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

    public static Receipt WithItems(int count, ReceiptCode? code = null) => new()
    {
        LibraryName = "THƯ VIỆN QUỐC GIA VIỆT NAM",
        Address = "31 Tràng Thi, Hoàn Kiếm, Hà Nội",
        Patron = PatronDisplayName.Create("Nguyễn Thị Hồng Nhung", "20000123456789"),
        Items = [.. Enumerable.Range(0, count).Select(index => index % 3 == 2
            ? ReceiptItem.Returned(Titles[index % Titles.Length])
            : ReceiptItem.Borrowed(Titles[index % Titles.Length], new DateOnly(2025, 7, 15)))],
        ScreenMessages = ["Bạn còn 3 lượt mượn."],
        PrintLines = ["ĐỪNG QUÊN TRẢ SÁCH ĐÚNG HẠN"],
        Code = code,
        PrintedAt = new DateTimeOffset(2025, 7, 1, 14, 5, 0, TimeSpan.FromHours(7)),
        Language = ReceiptLanguage.Vietnamese,
    };
}
