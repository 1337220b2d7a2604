namespace Kiosk.Protocols.Tags;

/// <summary>Packs big-endian bit fields into bytes, most significant bit first, and fills the last byte as the scheme says.</summary>
internal sealed class BitWriter
{
    private readonly List<byte> _bytes = [];
    private int _current;
    private int _used;

    public int BitCount => (_bytes.Count * 8) + _used;

    public void Write(int value, int count)
    {
        for (var i = count - 1; i >= 0; i--)
        {
            _current = (_current << 1) | ((value >> i) & 1);
            _used++;
            if (_used == 8)
            {
                _bytes.Add((byte)_current);
                _current = 0;
                _used = 0;
            }
        }
    }

    /// <summary>Completes the last byte with <paramref name="fillPattern"/>'s leading bits (of an 8-bit pattern).</summary>
    public byte[] ToArray(int fillPattern)
    {
        if (_used > 0)
        {
            var missing = 8 - _used;
            Write(fillPattern >> _used, missing);
        }

        return [.. _bytes];
    }
}
