namespace Kioskctl.Commands;

/// <summary>What <c>kioskctl decode feig|3m</c> found in one frame, ready to print as text or JSON.</summary>
internal sealed record ReaderFrameExplanation
{
    /// <summary>"feig" or "3m".</summary>
    public required string Protocol { get; init; }

    /// <summary>"host" or "reader".</summary>
    public required string From { get; init; }

    /// <summary>Whether the carried CRC matches, or null when the frame could not be read far enough to tell.</summary>
    public bool? CrcValid { get; init; }

    /// <summary>The CRC the frame carried and the CRC its bytes give, as 4 hex digits.</summary>
    public string? CarriedCrc { get; init; }

    public string? ComputedCrc { get; init; }

    /// <summary>The command byte as 2 hex digits, and its name.</summary>
    public string? Command { get; init; }

    public string? CommandName { get; init; }

    /// <summary>On reader frames: the status (FEIG) or error code (3M) as 2 hex digits, and its meaning.</summary>
    public string? Status { get; init; }

    public string? StatusMeaning { get; init; }

    /// <summary>Protocol-specific header fields, such as the FEIG bus address and frame layout.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Header { get; init; } = [];

    /// <summary>The record type the frame decoded to, and its fields.</summary>
    public string? MessageType { get; init; }

    public IReadOnlyList<KeyValuePair<string, object?>>? Message { get; init; }

    /// <summary>Why the frame is not well formed, or null.</summary>
    public string? Problem { get; init; }
}
