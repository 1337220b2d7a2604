namespace Kiosk.Simulators.Ils;

/// <summary>The kind of an item, which decides its loan rules (see <see cref="IlsLoanPolicy.For"/>).</summary>
public enum IlsItemType
{
    /// <summary>An adult book: 21 days, 2 renewals, 2.000 VND a day overdue.</summary>
    Book,

    /// <summary>A children's book: 14 days, 1 renewal, 1.000 VND a day overdue.</summary>
    ChildrensBook,

    /// <summary>A magazine: 7 days, no renewal, 5.000 VND a day overdue.</summary>
    Magazine,

    /// <summary>A reference work such as a dictionary: read in the library only, never lent.</summary>
    Reference,
}
