using Kiosk.Protocols.Readers;

namespace Kiosk.Circulation.Security;

/// <summary>What switching every tag of one item did.</summary>
/// <param name="Lifted">Tags no longer on the pad when their turn came; not tried.</param>
/// <param name="Failed">Tags tried that did not verify, with the reader's words.</param>
internal sealed record TagSwitchResult(IReadOnlyList<TransponderUid> Lifted, IReadOnlyList<KeyValuePair<TransponderUid, string>> Failed)
{
    public static TagSwitchResult AllVerified { get; } = new([], []);

    public bool Verified => Lifted.Count == 0 && Failed.Count == 0;
}
