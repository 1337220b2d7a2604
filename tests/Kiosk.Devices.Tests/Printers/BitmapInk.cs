using Kiosk.Protocols.Printing.EscPos;

namespace Kiosk.Devices.Tests.Printers;

internal static class BitmapInk
{
    public static bool HasInk(this MonochromeBitmap bitmap) =>
        Enumerable.Range(0, bitmap.Height).Any(y => !bitmap.IsRowBlank(y));

    public static int FirstInkedRow(this MonochromeBitmap bitmap) =>
        Enumerable.Range(0, bitmap.Height).First(y => !bitmap.IsRowBlank(y));

    public static int RightmostInkedColumn(this MonochromeBitmap bitmap) =>
        Enumerable.Range(0, bitmap.Width).Reverse().FirstOrDefault(x => Enumerable.Range(0, bitmap.Height).Any(y => bitmap[x, y]), -1);

    /// <summary>Vertical runs of inked rows in [top, bottom), separated by at least one blank row.</summary>
    public static int InkRuns(this MonochromeBitmap bitmap, int top, int bottom)
    {
        var runs = 0;
        var inRun = false;
        for (var y = top; y < bottom; y++)
        {
            var inked = !bitmap.IsRowBlank(y);
            if (inked && !inRun)
            {
                runs++;
            }

            inRun = inked;
        }

        return runs;
    }
}
