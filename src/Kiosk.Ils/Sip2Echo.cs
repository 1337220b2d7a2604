using Kiosk.Protocols.Sip2;

namespace Kiosk.Ils;

/// <summary>
/// Whether an answer is about the request it answers: the item (AB) and patron (AA) an answer echoes must be the ones
/// asked about. With error detection off there is no sequence number, so this is the only guard against taking a stale
/// answer (say, a duplicate sent after a resend request) for the answer to the next request.
/// </summary>
internal static class Sip2Echo
{
    public static bool Matches(Sip2Message request, Sip2Message response) =>
        Same(request, response, Sip2FieldId.ItemIdentifier) && Same(request, response, Sip2FieldId.PatronIdentifier);

    private static bool Same(Sip2Message request, Sip2Message response, string id)
    {
        var asked = request.Fields.Get(id);
        var echoed = response.Fields.Get(id);

        // Only a value both sides carry can disagree; ILSs leave optional echoes out.
        return string.IsNullOrEmpty(asked) || string.IsNullOrEmpty(echoed) || string.Equals(asked, echoed, StringComparison.Ordinal);
    }
}
