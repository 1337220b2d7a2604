using System.Globalization;

namespace Kiosk.Simulators.Ils;

/// <summary>How the simulator writes money and dates in its Vietnamese screen messages.</summary>
internal static class VietnameseText
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>"150.000 VND": a dot groups thousands, as Vietnamese writes amounts.</summary>
    public static string Money(long amount) =>
        amount.ToString("#,0", Vietnamese.NumberFormat) + " VND";

    /// <summary>"15/12/2026".</summary>
    public static string Date(DateTimeOffset value) =>
        value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
