using System.Security.Cryptography;
using System.Text;

namespace Kiosk.Simulators.Ils;

/// <summary>
/// A short keyed hash for correlating a patron across log lines without logging the identifier. The key is random per
/// process, because card barcodes are short enough that an unkeyed hash could be reversed by trying them all.
/// </summary>
internal static class PrivacyHash
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    public static string Of(string? value) =>
        string.IsNullOrEmpty(value) ? "-" : Convert.ToHexStringLower(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(value)).AsSpan(0, 4));
}
