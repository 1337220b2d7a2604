namespace Kiosk.Protocols.Readers.Feig.Messages;

/// <summary>A request from the host to a FEIG reader. Each kind is a record; <see cref="FeigEncoder"/> writes it.</summary>
public abstract record FeigRequest
{
    /// <summary>COM-ADR 255: any reader answers, whatever its configured bus address (ID CPR manual §3.1, p.19).</summary>
    public const byte AnyReaderAddress = 0xFF;

    /// <summary>The reader's bus address; <see cref="AnyReaderAddress"/> unless the line is an RS-485 bus.</summary>
    public byte Address { get; init; } = AnyReaderAddress;

    /// <summary>The command byte.</summary>
    public abstract byte Command { get; }

    internal abstract void WriteData(FrameWriter writer);
}
