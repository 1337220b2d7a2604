using Kiosk.Protocols.Printing.EscPos;

namespace Kiosk.Simulators.Printer;

/// <summary>One receipt the simulated printer received, from the previous cut (or connection start) to this cut.</summary>
public sealed record SimulatedReceipt
{
    /// <summary>1 for the first receipt since the simulator started.</summary>
    public required int Number { get; init; }

    /// <summary>What was decoded, in order.</summary>
    public required EscPosDecodedDocument Document { get; init; }

    /// <summary>The printed text (text runs, with line feeds).</summary>
    public string Text => Document.Text;

    /// <summary>Whether it ended with a cut (false: the connection closed first).</summary>
    public required bool WasCut { get; init; }

    /// <summary>Whether paper end, cover open or offline was set while it arrived; a real printer would hold it.</summary>
    public required bool ArrivedWhileNotReady { get; init; }

    /// <summary>The text file written, or null without an output directory.</summary>
    public string? TextPath { get; init; }

    /// <summary>The PNG written, or null without an output directory.</summary>
    public string? ImagePath { get; init; }

    /// <summary>Commands skipped as unknown or malformed, one line each.</summary>
    public IReadOnlyList<string> Notes => [.. Document.Items.Where(item => item.Kind is EscPosItemKind.Unknown or EscPosItemKind.Malformed).Select(item => $"{item.Kind} {item.Name} at byte {item.Offset}: {item.Summary}")];
}
