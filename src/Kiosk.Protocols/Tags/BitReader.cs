namespace Kiosk.Protocols.Tags;

/// <summary>Reads big-endian bit fields, most significant bit of byte 0 first, as ISO 15962 packs its 4- to 7-bit codes.</summary>
internal ref struct BitReader
{
    private readonly ReadOnlySpan<byte> _bytes;
    private int _position;

    public BitReader(ReadOnlySpan<byte> bytes)
    {
        _bytes = bytes;
    }

    public readonly int Remaining => (_bytes.Length * 8) - _position;

    public int Read(int count)
    {
        var value = 0;
        for (var i = 0; i < count; i++)
        {
            var bit = (_bytes[_position >> 3] >> (7 - (_position & 7))) & 1;
            value = (value << 1) | bit;
            _position++;
        }

        return value;
    }
}
