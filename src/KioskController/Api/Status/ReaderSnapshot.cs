namespace KioskController.Api.Status;

/// <summary>One reader's state for <c>/api/status</c>: its link and the tags in its field.</summary>
/// <param name="Name">The reader's profile name.</param>
/// <param name="Status">connected, disconnected or faulted.</param>
/// <param name="Reason">Why, when it is not connected.</param>
/// <param name="Tags">The tags in its field, ordered by UID.</param>
public sealed record ReaderSnapshot(string Name, string Status, string? Reason, IReadOnlyList<PadTag> Tags);
