using Kiosk.Protocols.Sip2;

namespace Kiosk.Circulation.Sessions;

/// <summary>Turns the SIP2 patron status field into the blocks the screen names.</summary>
internal static class PatronBlocks
{
    /// <summary>The blocks in <paramref name="status"/>, most serious first.</summary>
    public static IReadOnlyList<PatronBlock> From(Sip2PatronStatus status)
    {
        var blocks = new List<PatronBlock>();
        if (status.HasFlag(Sip2PatronStatus.CardReportedLost))
        {
            blocks.Add(PatronBlock.CardReportedLost);
        }

        if (status.HasFlag(Sip2PatronStatus.ChargePrivilegesDenied))
        {
            blocks.Add(PatronBlock.BorrowingDenied);
        }

        if (status.HasFlag(Sip2PatronStatus.RenewalPrivilegesDenied))
        {
            blocks.Add(PatronBlock.RenewalDenied);
        }

        if (status.HasFlag(Sip2PatronStatus.TooManyItemsCharged))
        {
            blocks.Add(PatronBlock.TooManyItemsCharged);
        }

        if (status.HasFlag(Sip2PatronStatus.TooManyItemsOverdue))
        {
            blocks.Add(PatronBlock.TooManyItemsOverdue);
        }

        if ((status & (Sip2PatronStatus.ExcessiveOutstandingFines | Sip2PatronStatus.ExcessiveOutstandingFees)) != 0)
        {
            blocks.Add(PatronBlock.FinesOverLimit);
        }

        if ((status & (Sip2PatronStatus.TooManyItemsLost | Sip2PatronStatus.TooManyItemsBilled | Sip2PatronStatus.TooManyClaimsOfItemsReturned)) != 0)
        {
            blocks.Add(PatronBlock.TooManyItemsLost);
        }

        if (status.HasFlag(Sip2PatronStatus.RecallOverdue))
        {
            blocks.Add(PatronBlock.RecallOverdue);
        }

        return blocks;
    }

    /// <summary>
    /// Whether <paramref name="blocks"/> stop a sign-in: a lost card always does. Other blocks let the patron in to
    /// return, renew what is allowed and see the account; the ILS refuses each loan itself, in its own words.
    /// </summary>
    public static bool StopsSignIn(IReadOnlyList<PatronBlock> blocks) => blocks.Contains(PatronBlock.CardReportedLost);

    /// <summary>
    /// The most serious of <paramref name="blocks"/> that stops a loan, or null when the patron may borrow: the patron is
    /// told at sign-in, with what to do, rather than invited to lay books down for the ILS to refuse one by one.
    /// </summary>
    public static PatronBlock? StopsBorrowing(IReadOnlyList<PatronBlock> blocks) =>
        s_borrowingStoppers.Cast<PatronBlock?>().FirstOrDefault(block => blocks.Contains(block!.Value));

    // The first one found is the one the patron hears: a reason they can act on (pay, bring books back) before the
    // general "charge privileges denied" that ILSs (Koha, Evergreen) set alongside it.
    private static readonly PatronBlock[] s_borrowingStoppers =
        [PatronBlock.CardReportedLost, PatronBlock.FinesOverLimit, PatronBlock.TooManyItemsCharged, PatronBlock.BorrowingDenied];
}
