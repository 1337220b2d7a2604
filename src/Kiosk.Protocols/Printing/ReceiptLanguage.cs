namespace Kiosk.Protocols.Printing;

/// <summary>The language of a receipt's labels. Titles and ILS messages print as they come.</summary>
public enum ReceiptLanguage
{
    Vietnamese,
    English,
}
