namespace Kiosk.Protocols.Readers.Feig.Messages;

/// <summary>[0xB0][0x01] Inventory: <c>01 MODE [NTFC_TIME]</c> (ID CPR manual §7.1.1, p.81–83).</summary>
public sealed record FeigInventoryRequest : FeigIsoRequest
{
    /// <summary>The MODE byte: a new inventory, the rest after status 0x94, notification or presence check.</summary>
    public FeigInventoryOptions Options { get; init; }

    /// <summary>NTFC_TIME in units of <see cref="FeigTiming.ResponseTimeUnit"/>; sent only with <see cref="FeigInventoryOptions.Notification"/>.</summary>
    public byte NotificationTime { get; init; }

    /// <inheritdoc/>
    public override FeigIsoCommand IsoCommand => FeigIsoCommand.Inventory;

    internal override void WriteRequestData(FrameWriter writer)
    {
        writer.Write((byte)Options);
        if (Options.HasFlag(FeigInventoryOptions.Notification))
        {
            writer.Write(NotificationTime);
        }
    }
}
