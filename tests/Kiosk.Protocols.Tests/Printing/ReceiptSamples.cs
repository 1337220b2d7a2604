using Kiosk.Protocols.Printing;

namespace Kiosk.Protocols.Tests.Printing;

internal static class ReceiptSamples
{
    public const string CardNumber = "20000123456789";

    public static Receipt Vietnamese(ReceiptCode? code = null) => new()
    {
        LibraryName = "THƯ VIỆN QUỐC GIA VIỆT NAM",
        Address = "31 Tràng Thi, Hoàn Kiếm, Hà Nội",
        Patron = PatronDisplayName.Create("Nguyễn Thị Hồng Nhung", CardNumber),
        Items =
        [
            ReceiptItem.Borrowed("Truyện Kiều (bản chú giải đầy đủ của Đào Duy Anh)", new DateOnly(2025, 7, 15)),
            ReceiptItem.Borrowed("Lược sử thời gian", new DateOnly(2025, 7, 15)),
            ReceiptItem.Returned("Dế Mèn phiêu lưu ký"),
        ],
        ScreenMessages = ["Bạn còn 3 lượt mượn."],
        PrintLines = ["ĐỪNG QUÊN TRẢ SÁCH ĐÚNG HẠN"],
        Code = code,
        PrintedAt = new DateTimeOffset(2025, 7, 1, 14, 5, 0, TimeSpan.FromHours(7)),
        Language = ReceiptLanguage.Vietnamese,
    };
}
