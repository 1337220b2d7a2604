using System.Reflection;
using SkiaSharp;

namespace Kiosk.Devices.Printers.Rendering;

/// <summary>
/// The receipt typefaces, Noto Sans Regular and Bold (SIL OFL 1.1, see Fonts/OFL.txt), loaded from resources embedded in
/// this assembly so a fresh kiosk prints Vietnamese without any font package installed.
/// </summary>
/// <remarks>
/// Loaded with <see cref="SKTypeface.FromStream(Stream, int)"/>, never by family name: SkiaSharp 4.x on Linux returns an
/// empty typeface for a family name (mono/SkiaSharp #4303), and the system may not have Noto at all.
/// </remarks>
public static class ReceiptFonts
{
    /// <summary>The manifest resource name of Noto Sans Regular.</summary>
    public const string RegularResourceName = "Kiosk.Devices.Printers.Rendering.Fonts.NotoSans-Regular.ttf";

    /// <summary>The manifest resource name of Noto Sans Bold.</summary>
    public const string BoldResourceName = "Kiosk.Devices.Printers.Rendering.Fonts.NotoSans-Bold.ttf";

    /// <summary>The manifest resource name of the fonts' licence text.</summary>
    public const string LicenseResourceName = "Kiosk.Devices.Printers.Rendering.Fonts.OFL.txt";

    private static readonly Lazy<SKTypeface> s_regular = new(() => Load(RegularResourceName));
    private static readonly Lazy<SKTypeface> s_bold = new(() => Load(BoldResourceName));

    /// <summary>Noto Sans Regular, from the embedded resource. Shared; do not dispose.</summary>
    public static SKTypeface Regular => s_regular.Value;

    /// <summary>Noto Sans Bold, from the embedded resource. Shared; do not dispose.</summary>
    public static SKTypeface Bold => s_bold.Value;

    /// <summary>Opens one of the embedded resources named above.</summary>
    /// <exception cref="InvalidOperationException">The resource is missing from the assembly (a broken build).</exception>
    public static Stream OpenResource(string resourceName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resourceName);
        return typeof(ReceiptFonts).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{resourceName}' is missing from {typeof(ReceiptFonts).Assembly.GetName().Name}; check the EmbeddedResource items in Kiosk.Devices.csproj.");
    }

    private static SKTypeface Load(string resourceName)
    {
        // SKTypeface takes ownership of the stream and reads glyphs from it on demand.
        var typeface = SKTypeface.FromStream(OpenResource(resourceName));
        if (typeface is null || typeface.GlyphCount == 0)
        {
            typeface?.Dispose();
            throw new InvalidOperationException($"Embedded font '{resourceName}' did not load as a typeface; the resource may be truncated (it should be the unmodified TTF from fonts-noto-core).");
        }

        return typeface;
    }
}
