using System.ComponentModel.DataAnnotations;
using Kiosk.Devices.Barcode;

namespace Kiosk.Simulators.Barcode;

/// <summary>How the simulated scanner frames its codes and how fast its line is.</summary>
public sealed class BarcodeScannerSimulatorOptions
{
    /// <summary>A stable symbolic link to the pty (such as /tmp/kiosk-scanner); null to use /dev/pts/N directly.</summary>
    public string? LinkPath { get; set; }

    /// <summary>What follows each code.</summary>
    public BarcodeSuffix Suffix { get; set; } = BarcodeSuffix.CarriageReturn;

    /// <summary>What precedes each code; empty for nothing.</summary>
    public string Prefix { get; set; } = string.Empty;

    /// <summary>The line speed the wire time is computed from. A pty itself has no speed.</summary>
    [Range(50, 4_000_000)]
    public int BaudRate { get; set; } = 9600;

    /// <summary>Bits on the wire per byte: start + data + parity + stop, 10 for 8N1 and 11 for 8E1.</summary>
    [Range(7, 12)]
    public int BitsPerCharacter { get; set; } = 10;
}
