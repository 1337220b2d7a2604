namespace Kiosk.Devices.Printers.Rendering;

/// <summary>Writes ink (0) into Gray8 <paramref name="pixels"/> for a block starting at row <paramref name="top"/>.</summary>
internal delegate void DotWriter(Span<byte> pixels, int rowBytes, int top);
