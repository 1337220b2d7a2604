using System.Globalization;
using System.Text;

namespace Kiosk.Devices.Barcode;

/// <summary>A code was scanned: printable ASCII, trimmed, prefix removed, within the length bounds.</summary>
/// <param name="Code">The code. It may be a patron card number: never log it.</param>
/// <param name="At">When the last byte arrived.</param>
public sealed record BarcodeScanned(string Code, DateTimeOffset At) : BarcodeScannerEvent(At)
{
    // Prints the length, not the code: a scanned patron card must not reach a log through ToString.
    protected override bool PrintMembers(StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Append(CultureInfo.InvariantCulture, $"Length = {Code.Length}, At = {At:O}");
        return true;
    }
}
