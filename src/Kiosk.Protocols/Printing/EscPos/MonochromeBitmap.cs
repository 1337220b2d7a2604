namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// A 1-bit image packed as GS v 0 wants it: rows top to bottom, each <see cref="BytesPerRow"/> bytes, most significant
/// bit leftmost, bit set = ink. Bits past <see cref="Width"/> in a row's last byte are kept clear.
/// </summary>
public sealed class MonochromeBitmap
{
    private readonly byte[] _rows;

    /// <summary>A blank bitmap of <paramref name="width"/> × <paramref name="height"/> dots.</summary>
    public MonochromeBitmap(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Width = width;
        Height = height;
        _rows = new byte[checked(BytesPerRowFor(width) * height)];
    }

    /// <summary>A bitmap over packed rows, copied.</summary>
    /// <exception cref="ArgumentException"><paramref name="packedRows"/> is not (width + 7) / 8 × height bytes.</exception>
    public MonochromeBitmap(int width, int height, ReadOnlySpan<byte> packedRows)
        : this(width, height)
    {
        if (packedRows.Length != _rows.Length)
        {
            throw new ArgumentException($"A {width}×{height} bitmap needs {_rows.Length} bytes of packed rows, got {packedRows.Length}.", nameof(packedRows));
        }

        packedRows.CopyTo(_rows);
        var spare = (BytesPerRow * 8) - width;
        if (spare > 0)
        {
            var mask = (byte)(0xFF << spare);
            for (var y = 0; y < height; y++)
            {
                _rows[(y * BytesPerRow) + BytesPerRow - 1] &= mask;
            }
        }
    }

    /// <summary>Width in dots.</summary>
    public int Width { get; }

    /// <summary>Height in dots (rows).</summary>
    public int Height { get; }

    /// <summary>Bytes per packed row: width / 8, rounded up.</summary>
    public int BytesPerRow => BytesPerRowFor(Width);

    /// <summary>All rows, packed.</summary>
    public ReadOnlySpan<byte> PackedRows => _rows;

    /// <summary>Whether dot (x, y) is inked.</summary>
    public bool this[int x, int y]
    {
        get
        {
            CheckBounds(x, y);
            return (_rows[(y * BytesPerRow) + (x >> 3)] & (0x80 >> (x & 7))) != 0;
        }

        set
        {
            CheckBounds(x, y);
            var index = (y * BytesPerRow) + (x >> 3);
            var bit = (byte)(0x80 >> (x & 7));
            _rows[index] = value ? (byte)(_rows[index] | bit) : (byte)(_rows[index] & ~bit);
        }
    }

    /// <summary>Bytes per row for a width in dots.</summary>
    public static int BytesPerRowFor(int width) => (width + 7) / 8;

    /// <summary>Row <paramref name="y"/>, packed.</summary>
    public ReadOnlySpan<byte> Row(int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        return _rows.AsSpan(y * BytesPerRow, BytesPerRow);
    }

    /// <summary>Whether row <paramref name="y"/> has no ink.</summary>
    public bool IsRowBlank(int y) => !Row(y).ContainsAnyExcept((byte)0);

    /// <summary>How many leading bytes of row <paramref name="y"/> hold ink: the index of its last inked byte, plus one.</summary>
    public int InkedBytes(int y) => Row(y).LastIndexOfAnyExcept((byte)0) + 1;

    /// <summary>
    /// Rows <paramref name="top"/> to <paramref name="top"/> + <paramref name="height"/> − 1, keeping only the first
    /// <paramref name="bytesPerRow"/> bytes of each (so the width becomes 8 × bytesPerRow dots, or less at the edge).
    /// </summary>
    public MonochromeBitmap Slice(int top, int height, int bytesPerRow)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(top + height, Height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytesPerRow);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bytesPerRow, BytesPerRow);
        var width = Math.Min(Width, bytesPerRow * 8);
        var packed = new byte[bytesPerRow * height];
        for (var y = 0; y < height; y++)
        {
            Row(top + y)[..bytesPerRow].CopyTo(packed.AsSpan(y * bytesPerRow));
        }

        return new MonochromeBitmap(width, height, packed);
    }

    private void CheckBounds(int x, int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(x, Width);
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
    }
}
