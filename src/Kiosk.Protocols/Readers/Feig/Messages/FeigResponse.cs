namespace Kiosk.Protocols.Readers.Feig.Messages;

/// <summary>
/// A FEIG reader's reply: the echoed command, a status and, for some statuses, data (ID CPR manual §3.1, p.18; data
/// follows only with status 0x00, 0x83, 0x94 or 0x95 for ISO host commands, §7.1, p.80).
/// </summary>
public abstract record FeigResponse
{
    /// <summary>The bus address the reader answers with: its configured COM-ADR, 0 from the factory (CFG1, p.24).</summary>
    public byte Address { get; init; }

    /// <summary>The command byte this replies to.</summary>
    public abstract byte Command { get; }

    /// <summary>The status byte.</summary>
    public FeigStatus Status { get; init; }

    /// <summary>With <see cref="FeigStatus.Iso15693Error"/>, the transponder's ISO 15693 error code (the first data byte).</summary>
    public byte? IsoError { get; init; }

    /// <summary>The status in words, with the ISO error when there is one.</summary>
    public string Meaning => IsoError is { } code
        ? $"{FeigStatusText.Describe(Status)}: {FeigStatusText.DescribeIsoError(code)}"
        : FeigStatusText.Describe(Status);

    internal void WriteBody(FrameWriter writer)
    {
        if (Status == FeigStatus.Iso15693Error)
        {
            writer.Write(IsoError ?? (byte)Iso15693ErrorCode.UnknownError);
        }

        WriteData(writer);
    }

    private protected abstract void WriteData(FrameWriter writer);
}
