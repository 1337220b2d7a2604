namespace Kiosk.Simulators.Ils;

/// <summary>The loan rules of one kind of item.</summary>
/// <param name="LoanDays">How many days a loan or a renewal runs; the item is due at the end of the last day.</param>
/// <param name="MaxRenewals">How many times one loan may be renewed.</param>
/// <param name="DailyFine">The overdue fine per started day, in VND.</param>
/// <param name="Loanable">False for items that are never lent (reference works).</param>
public sealed record IlsLoanPolicy(int LoanDays, int MaxRenewals, long DailyFine, bool Loanable)
{
    private static readonly IlsLoanPolicy BookPolicy = new(21, 2, 2_000, Loanable: true);
    private static readonly IlsLoanPolicy ChildrensBookPolicy = new(14, 1, 1_000, Loanable: true);
    private static readonly IlsLoanPolicy MagazinePolicy = new(7, 0, 5_000, Loanable: true);
    private static readonly IlsLoanPolicy ReferencePolicy = new(0, 0, 0, Loanable: false);

    /// <summary>The rules for <paramref name="type"/>.</summary>
    public static IlsLoanPolicy For(IlsItemType type) => type switch
    {
        IlsItemType.ChildrensBook => ChildrensBookPolicy,
        IlsItemType.Magazine => MagazinePolicy,
        IlsItemType.Reference => ReferencePolicy,
        _ => BookPolicy,
    };
}
