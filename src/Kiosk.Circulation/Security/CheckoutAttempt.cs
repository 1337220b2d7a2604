using Kiosk.Ils;
using Kiosk.Protocols.Sip2.Messages;

namespace Kiosk.Circulation.Security;

/// <summary>How one item's loan went, step by step.</summary>
/// <param name="JournalId">Its journal entry; still unfinished when the book was lifted before its switch.</param>
/// <param name="Response">The ILS's answer; null off-line or when it could not be reached.</param>
/// <param name="IlsError">Why the ILS gave no answer.</param>
/// <param name="Switch">What the security switch did, when it was tried.</param>
/// <param name="Undone">Whether the loan was undone because a tag would not switch (item secured, returned in the ILS, listed for staff).</param>
/// <param name="OfflineTransactionId">For an off-line loan, its queue entry.</param>
internal sealed record CheckoutAttempt(
    long JournalId,
    CheckoutResponse? Response,
    Sip2Exception? IlsError,
    TagSwitchResult? Switch,
    bool Undone,
    long? OfflineTransactionId = null)
{
    public bool Lent => !Undone && Switch is not null && (Response?.Ok ?? OfflineTransactionId is not null);
}
