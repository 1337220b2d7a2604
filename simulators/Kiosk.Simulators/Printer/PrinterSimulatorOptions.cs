using System.ComponentModel.DataAnnotations;

namespace Kiosk.Simulators.Printer;

/// <summary>Where the simulated printer listens, what it understands and where it writes what it printed.</summary>
public sealed class PrinterSimulatorOptions
{
    /// <summary>With a pty: a symbolic link to it for the kiosk's profile, such as /tmp/kiosk-printer; null for none.</summary>
    public string? LinkPath { get; set; }

    /// <summary>Listen on TCP instead of a pty: 9100 like a network printer, or 0 for any free port (tests). Null: a pty.</summary>
    [Range(0, 65535)]
    public int? TcpPort { get; set; }

    /// <summary>Where each receipt is written as receipt-NNNN.txt, .png and .log; null writes nothing.</summary>
    public string? OutputDirectory { get; set; }

    /// <summary>Dots per printed line: 576 on 80 mm paper, 384 on 58 mm. The PNG is this wide.</summary>
    [Range(128, 2048)]
    public int DotsPerLine { get; set; } = 576;

    /// <summary>The page number this printer gives TCVN-3 lower case (Epson: 30; clones differ).</summary>
    [Range(0, 255)]
    public int Tcvn3LowercasePage { get; set; } = 30;

    /// <summary>The page number this printer gives TCVN-3 capitals (Epson: 31).</summary>
    [Range(0, 255)]
    public int Tcvn3CapitalsPage { get; set; } = 31;
}
