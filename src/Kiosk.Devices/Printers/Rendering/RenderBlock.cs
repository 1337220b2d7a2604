using SkiaSharp;

namespace Kiosk.Devices.Printers.Rendering;

/// <summary>
/// One horizontal strip of a rendered receipt: its height, the text Skia draws in it, and the dots written straight
/// into the grey pixels (logo, QR modules, bars), which must land on whole dots and so bypass anti-aliasing.
/// </summary>
internal sealed record RenderBlock(int Height, Action<SKCanvas, int>? DrawText, DotWriter? DrawDots = null);
