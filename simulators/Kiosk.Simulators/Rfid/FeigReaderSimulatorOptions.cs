using System.ComponentModel.DataAnnotations;
using Kiosk.Protocols.Readers.Feig;

namespace Kiosk.Simulators.Rfid;

/// <summary>How the simulated FEIG ID CPR reader is wired and what it reports. Validated when the simulator is built.</summary>
public sealed class FeigReaderSimulatorOptions
{
    /// <summary>A stable symbolic link to the pty (such as /tmp/kiosk-reader0); null to use /dev/pts/N directly.</summary>
    public string? LinkPath { get; set; }

    /// <summary>The line speed the serial time is computed from; the factory setting is 38400 (CFG1, §4.2, p.24).</summary>
    [Range(50, 4_000_000)]
    public int BaudRate { get; set; } = FeigTiming.DefaultBaudRate;

    /// <summary>Bits on the wire per byte: 11 for the factory 8E1 (start, 8 data, parity, stop).</summary>
    [Range(7, 12)]
    public int BitsPerCharacter { get; set; } = 11;

    /// <summary>COM-ADR, the bus address the reader answers with; 0 from the factory (CFG1, p.24). Requests to 255 reach any reader.</summary>
    [Range(0, 254)]
    public int BusAddress { get; set; }

    /// <summary>
    /// How many inventory data sets one reply carries before the rest are held back with status 0x94 (§7.1.1, p.82).
    /// 24 sets of 10 bytes fill a standard frame (LEN is one byte, §3.1, p.18); lower it to exercise the continuation.
    /// </summary>
    [Range(1, 24)]
    public int MaximumDataSetsPerReply { get; set; } = 24;

    /// <summary>Antennas the reader drives ([0x6A] RF Output selects antenna 1 or 2, §6.7, p.73).</summary>
    [Range(1, 2)]
    public int AntennaCount { get; set; } = 1;

    /// <summary>SW-TYPE reported by [0x65] and [0x66]: 81 is ID CPR.02, 80 ID CPR.M02 (Annex B, p.155).</summary>
    [Range(0, 255)]
    public int ReaderType { get; set; } = 81;
}
