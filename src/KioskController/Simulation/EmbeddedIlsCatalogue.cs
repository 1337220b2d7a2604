namespace KioskController.Simulation;

/// <summary>The embedded ILS's sample library as the shelf's catalogue.</summary>
internal sealed class EmbeddedIlsCatalogue(EmbeddedIlsService ils) : IShelfCatalogue
{
    /// <summary>The owner library the sample tags carry, as the ILS sample data's institution.</summary>
    public const string SampleOwnerIsil = "VN-HN-TVHN";

    public string OwnerIsil => SampleOwnerIsil;

    public Task<ShelfItem> FindAsync(string itemId, CancellationToken cancellationToken)
    {
        var item = ils.Simulator?.Library.FindItem(itemId)
            ?? throw new ArgumentException($"The simulated library has no item '{itemId}'; see /sim/api/catalogue for the sample items.", nameof(itemId));
        return Task.FromResult(new ShelfItem(item.Identifier, item.Parts, item.BorrowerIdentifier is not null, item.Title));
    }
}
