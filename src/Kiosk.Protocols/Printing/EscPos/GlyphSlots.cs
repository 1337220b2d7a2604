namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// Which user-defined code (0x21–0x7E) holds which drawn character, for <see cref="ReceiptGlyphModeEncoder"/>. When all 94
/// are taken, a new character takes the slot of the one least recently printed that the current line does not need,
/// so the letters every line uses are sent once per receipt.
/// </summary>
internal sealed class GlyphSlots
{
    private const byte FirstCode = 0x21;
    private const int Count = DefineUserCharactersCommand.LastDefinableCode - FirstCode + 1;

    private readonly string?[] _keys = new string?[Count];
    private readonly int[] _lastUse = new int[Count];
    private readonly Dictionary<string, int> _slots = [];
    private int _line;

    /// <summary>The code a character assigned by <see cref="Assign"/> prints with.</summary>
    public byte CodeOf(string key) => (byte)(FirstCode + _slots[key]);

    /// <summary>
    /// Gives every character of one line a slot, and returns the runs of consecutive codes that must be (re)defined
    /// before the line is printed, each as its first code and its characters in code order.
    /// </summary>
    /// <exception cref="ArgumentException">The line has more than 94 distinct characters.</exception>
    public IReadOnlyList<(byte FirstCode, IReadOnlyList<string> Keys)> Assign(IEnumerable<string> line)
    {
        _line++;
        var needed = line.Distinct().ToList();
        if (needed.Count > Count)
        {
            throw new ArgumentException($"A line with {needed.Count} distinct characters cannot be printed with 94 user-defined characters.", nameof(line));
        }

        var neededSet = needed.ToHashSet();
        var assigned = new SortedDictionary<int, string>();
        foreach (var key in needed)
        {
            if (!_slots.TryGetValue(key, out var slot))
            {
                slot = FreeSlot(neededSet);
                if (_keys[slot] is { } evicted)
                {
                    _slots.Remove(evicted);
                }

                _keys[slot] = key;
                _slots[key] = slot;
                assigned[slot] = key;
            }

            _lastUse[slot] = _line;
        }

        var runs = new List<(byte, IReadOnlyList<string>)>();
        var run = new List<string>();
        var runStart = -1;
        foreach (var (slot, key) in assigned)
        {
            if (run.Count > 0 && slot != runStart + run.Count)
            {
                runs.Add(((byte)(FirstCode + runStart), run));
                run = [];
            }

            if (run.Count == 0)
            {
                runStart = slot;
            }

            run.Add(key);
        }

        if (run.Count > 0)
        {
            runs.Add(((byte)(FirstCode + runStart), run));
        }

        return runs;
    }

    private int FreeSlot(HashSet<string> needed)
    {
        var best = -1;
        for (var slot = 0; slot < Count; slot++)
        {
            if (_keys[slot] is not { } key)
            {
                return slot;
            }

            if (!needed.Contains(key) && (best < 0 || _lastUse[slot] < _lastUse[best]))
            {
                best = slot;
            }
        }

        return best;
    }
}
