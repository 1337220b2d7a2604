namespace KioskController.Simulation;

/// <summary>
/// What the simulated shelf needs to know of a book before it makes the book's tag: whether the ILS knows it, how many
/// parts it has and whether it is on loan. The embedded ILS answers from its sample library; a library's own ILS
/// answers over SIP2.
/// </summary>
internal interface IShelfCatalogue
{
    /// <summary>The owner library the tags carry (ISO 28560-2 owner institution).</summary>
    string OwnerIsil { get; }

    /// <summary>The book, or an <see cref="ArgumentException"/> saying why there is none.</summary>
    Task<ShelfItem> FindAsync(string itemId, CancellationToken cancellationToken);
}

/// <summary>A book as the shelf makes its tag.</summary>
/// <param name="Identifier">The item id, as the ILS spells it.</param>
/// <param name="Parts">How many parts (tags) it has.</param>
/// <param name="OnLoan">Whether it is on loan now: its tag is then not secured.</param>
/// <param name="Title">Its title, for the panel.</param>
internal sealed record ShelfItem(string Identifier, int Parts, bool OnLoan, string? Title);
