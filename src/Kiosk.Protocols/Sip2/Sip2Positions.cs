namespace Kiosk.Protocols.Sip2;

/// <summary>Positional Y/blank fields (patron status, summary, supported messages): bit n is position n.</summary>
internal static class Sip2Positions
{
    /// <summary>Y in a position sets its bit; anything else (blank, N) leaves it clear, as the spec defines only Y.</summary>
    public static int Parse(ReadOnlySpan<char> text)
    {
        var bits = 0;
        for (var i = 0; i < text.Length && i < 31; i++)
        {
            if (text[i] == 'Y')
            {
                bits |= 1 << i;
            }
        }

        return bits;
    }

    public static string Format(int bits, int width, char off) =>
        string.Create(width, (bits, off), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (state.bits & (1 << i)) != 0 ? 'Y' : state.off;
            }
        });
}
