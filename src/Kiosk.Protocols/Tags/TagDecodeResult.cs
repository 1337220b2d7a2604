namespace Kiosk.Protocols.Tags;

/// <summary>The verdict on one tag's user memory: which model, which variant, the item, and why.</summary>
public sealed record TagDecodeResult
{
    /// <summary>Decoded, blank, foreign or corrupt.</summary>
    public required TagVerdict Verdict { get; init; }

    /// <summary>The model recognised, or <see cref="LibraryTagModel.Unknown"/> for blank and foreign tags.</summary>
    public LibraryTagModel Model { get; init; }

    /// <summary>The vendor layout found.</summary>
    public LibraryTagVariant Variant { get; init; }

    /// <summary>The item, when the model was recognised well enough to read it (also for a CRC failure, so it can be shown).</summary>
    public LibraryItemTag? Item { get; init; }

    /// <summary>Why this verdict, in words a technician can act on.</summary>
    public required string Reason { get; init; }

    /// <summary>Each element as decoded, in tag order, for display.</summary>
    public IReadOnlyList<TagElement> Elements { get; init; } = [];

    /// <summary>Oddities that did not stop decoding, such as a content parameter that disagrees with the data sets.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Whether the tag decoded cleanly.</summary>
    public bool IsSuccess => Verdict == TagVerdict.Decoded && Item is not null;
}
