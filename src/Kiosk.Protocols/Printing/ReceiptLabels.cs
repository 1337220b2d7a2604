namespace Kiosk.Protocols.Printing;

/// <summary>The fixed words of a receipt in each language.</summary>
internal sealed record ReceiptLabels(string Patron, string PrintedAt, string Due, string Returned, string BorrowedTotal, string ReturnedTotal, string Thanks)
{
    public static ReceiptLabels Vietnamese { get; } = new("Bạn đọc", "Ngày in", "Hạn trả", "Đã trả", "Số tài liệu mượn", "Số tài liệu trả", "Cảm ơn bạn đã sử dụng thư viện!");

    public static ReceiptLabels English { get; } = new("Patron", "Printed", "Due", "Returned", "Items borrowed", "Items returned", "Thank you for using the library!");

    public static ReceiptLabels For(ReceiptLanguage language) => language == ReceiptLanguage.English ? English : Vietnamese;
}
