using System.ComponentModel.DataAnnotations;

namespace Kiosk.Storage;

/// <summary>Where the kiosk keeps its durable state. Bound from <c>Kiosk:Storage</c>.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Kiosk:Storage";

    /// <summary>
    /// The SQLite file holding the security journal and the offline queue. It must live on storage that survives a power
    /// cut (not tmpfs): the journal is what makes a crash mid-loan recoverable.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string DatabasePath { get; set; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "KioskController", "circulation.db");
}
