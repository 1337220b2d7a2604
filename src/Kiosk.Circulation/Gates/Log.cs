using Microsoft.Extensions.Logging;

namespace Kiosk.Circulation.Gates;

/// <summary>Log messages of the gate alarm enricher. Items only: the gate never knows who walked through.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Gate '{Gate}': alarmed item {ItemId} is \"{Title}\"")]
    public static partial void Enriched(ILogger logger, string gate, string itemId, string title);

    [LoggerMessage(2, LogLevel.Warning, "Gate '{Gate}': no title for alarmed item {ItemId}: {Problem}")]
    public static partial void NotEnriched(ILogger logger, string gate, string itemId, string problem);
}
