using System.ComponentModel.DataAnnotations;
using Kiosk.Protocols.Readers.ThreeM;

namespace Kiosk.Simulators.Rfid;

/// <summary>How the simulated 3M 810 reader is wired. Validated when the simulator is built.</summary>
public sealed class ThreeMReaderSimulatorOptions
{
    /// <summary>A stable symbolic link to the pty (such as /tmp/kiosk-reader0); null to use /dev/pts/N directly.</summary>
    public string? LinkPath { get; set; }

    /// <summary>The line speed the serial time is computed from: 19200 (specification §2).</summary>
    [Range(50, 4_000_000)]
    public int BaudRate { get; set; } = ThreeMTiming.BaudRate;

    /// <summary>Bits on the wire per byte: 10 for 8N1 (start, 8 data, stop).</summary>
    [Range(7, 12)]
    public int BitsPerCharacter { get; set; } = 10;
}
