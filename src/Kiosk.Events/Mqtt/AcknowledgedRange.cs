namespace Kiosk.Events.Mqtt;

/// <summary>The run of acknowledged sequences not yet deleted: since PUBACKs are taken oldest first, a first, a last and a count.</summary>
internal sealed class AcknowledgedRange
{
    public long First { get; private set; }

    public long Last { get; private set; }

    public int Count { get; private set; }

    public void Add(long sequence)
    {
        if (Count == 0)
        {
            First = sequence;
        }

        Last = sequence;
        Count++;
    }

    public void Clear() => Count = 0;
}
