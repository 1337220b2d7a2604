using Kiosk.Ils;
using Kiosk.Protocols.Sip2;
using Microsoft.Extensions.Options;

namespace KioskController.Simulation;

/// <summary>
/// A library's own ILS as the shelf's catalogue, asked with SIP2 Item Information (17): a book is placed on the simulated
/// pad only if the ILS knows it, with its tag secured unless the ILS says it is charged. SIP2 carries no part count, so
/// each book is one part.
/// </summary>
internal sealed class IlsShelfCatalogue(ISip2Client ils, IOptions<Sip2ClientOptions> sip2) : IShelfCatalogue
{
    public string OwnerIsil => string.IsNullOrWhiteSpace(sip2.Value.InstitutionId) ? EmbeddedIlsCatalogue.SampleOwnerIsil : sip2.Value.InstitutionId;

    public async Task<ShelfItem> FindAsync(string itemId, CancellationToken cancellationToken)
    {
        Kiosk.Protocols.Sip2.Messages.ItemInformationResponse answer;
        try
        {
            answer = await ils.ItemInformationAsync(itemId, cancellationToken).ConfigureAwait(false);
        }
        catch (Sip2Exception ex)
        {
            throw new ArgumentException($"The ILS could not be asked about item '{itemId}': {ex.Message}", nameof(itemId), ex);
        }

        // An ILS answers an unknown item with no title (3M SIP2 Developers Guide, Item Information Response: the title
        // identifier is required, and left empty when there is no such item); most add a screen message saying so.
        if (string.IsNullOrWhiteSpace(answer.TitleIdentifier))
        {
            var said = answer.ScreenMessages.Count > 0 ? $" (it says: {string.Join(" ", answer.ScreenMessages)})" : string.Empty;
            throw new ArgumentException($"The ILS does not know item '{itemId}'{said}; place an item id from its catalogue.", nameof(itemId));
        }

        var onLoan = answer.CirculationStatus == Sip2CirculationStatus.Charged;
        return new ShelfItem(string.IsNullOrEmpty(answer.ItemIdentifier) ? itemId : answer.ItemIdentifier, 1, onLoan, answer.TitleIdentifier);
    }
}
