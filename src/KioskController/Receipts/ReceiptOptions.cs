using System.ComponentModel.DataAnnotations;

namespace KioskController.Receipts;

/// <summary>Receipts, bound from <c>Kiosk:Receipts</c>.</summary>
public sealed class ReceiptOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Kiosk:Receipts";

    /// <summary>No, Ask or Always.</summary>
    [EnumDataType(typeof(ReceiptPolicy), ErrorMessage = "Kiosk:Receipts:Policy must be No, Ask or Always.")]
    public ReceiptPolicy Policy { get; set; } = ReceiptPolicy.Ask;

    /// <summary>The library's address, printed under its name.</summary>
    public string Address { get; set; } = string.Empty;

    /// <summary>How long a patron waits for the printer before being told the receipt can be printed later.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00", ErrorMessage = "Kiosk:Receipts:PrintTimeout must be between 1 second and 1 minute.")]
    public TimeSpan PrintTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
