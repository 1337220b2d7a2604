using Kiosk.Protocols.Printing;
using Kiosk.Protocols.Printing.EscPos;

namespace Kiosk.Devices.Tests.Printers;

internal static class PrinterTestReceipts
{
    public static Receipt Vietnamese() => new()
    {
        LibraryName = "THƯ VIỆN TỈNH BẮC NINH",
        Address = "12 Lý Thái Tổ, Bắc Ninh",
        Patron = PatronDisplayName.Create("Trần Văn Đức", "20000987654321"),
        Items =
        [
            ReceiptItem.Borrowed("Số đỏ", new DateOnly(2026, 12, 8)),
            ReceiptItem.Borrowed("Những ngôi sao xa xôi", new DateOnly(2026, 12, 8)),
            ReceiptItem.Returned("Tắt đèn"),
        ],
        PrintLines = ["CẢM ƠN BẠN ĐÃ ĐẾN THƯ VIỆN"],
        PrintedAt = new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.FromHours(7)),
        Language = ReceiptLanguage.Vietnamese,
    };

    public static byte[] TextModeJob(Receipt receipt) => ReceiptTextModeEncoder.Encode(receipt, new TextModeCapabilities()).ToBytes();

    public static string ExpectedText(Receipt receipt) => string.Concat(ReceiptLayout.Layout(receipt, ReceiptLayout.Width80Millimetres).Select(line => line.Text + "\n"));
}
