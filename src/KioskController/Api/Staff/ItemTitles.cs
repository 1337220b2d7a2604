using System.Collections.Concurrent;
using Kiosk.Circulation.DomainEvents;
using Kiosk.Ils;

namespace KioskController.Api.Staff;

/// <summary>
/// The titles the staff list shows beside item ids: those the pad saw (from the tag or the ILS) are remembered as they
/// pass, and the others are asked of the ILS (Item Information, 17) when the list is read, within a short bound so an
/// unreachable ILS only leaves the title out. Titles only: nothing about who borrowed the item.
/// </summary>
internal sealed class ItemTitles(ISip2Client ils, TimeProvider timeProvider, ILogger<ItemTitles> logger) : ICirculationEventSink
{
    // Enough for a day's staff list many times over; the cache starts again rather than grow without bound.
    private const int MaxRemembered = 2048;

    // The staff screen waits this long at most for titles it does not know (SIP2 17 is one round trip on loopback or LAN).
    private static readonly TimeSpan s_lookupBound = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, string> _titles = new(StringComparer.Ordinal);

    public ValueTask PublishAsync(CirculationEvent circulationEvent, CancellationToken cancellationToken = default)
    {
        switch (circulationEvent)
        {
            case PadItemAdded { Item: { Title: { Length: > 0 } title } item }:
                Remember(item.ItemId, title);
                break;
            case PadItemUpdated { Item: { Title: { Length: > 0 } title } item }:
                Remember(item.ItemId, title);
                break;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The titles of <paramref name="itemIds"/> that are known or can be learnt in time; the others are missing.</summary>
    public async Task<IReadOnlyDictionary<string, string>> LookupAsync(IEnumerable<string> itemIds, CancellationToken cancellationToken)
    {
        var wanted = itemIds.Distinct(StringComparer.Ordinal).ToList();
        var unknown = wanted.Where(id => !_titles.ContainsKey(id)).ToList();
        if (unknown.Count > 0 && ils.Status != Sip2LinkStatus.Offline)
        {
            using var bound = new CancellationTokenSource(s_lookupBound, timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, bound.Token);
            await Task.WhenAll(unknown.Select(id => AskAsync(id, linked.Token))).ConfigureAwait(false);
        }

        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in wanted)
        {
            if (_titles.TryGetValue(id, out var title))
            {
                found[id] = title;
            }
        }

        return found;
    }

    private async Task AskAsync(string itemId, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await ils.ItemInformationAsync(itemId, cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrWhiteSpace(answer.TitleIdentifier))
            {
                Remember(itemId, answer.TitleIdentifier);
            }
        }
        catch (Exception ex) when (ex is Sip2Exception or OperationCanceledException)
        {
            Log.TitleNotFound(logger, itemId, ex.Message);
        }
    }

    private void Remember(string itemId, string title)
    {
        if (_titles.Count >= MaxRemembered)
        {
            _titles.Clear();
        }

        _titles[itemId] = title;
    }
}
