using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;

namespace Kiosk.Devices.Printers;

/// <summary>
/// Loads printer profiles from JSON files and checks them. Every problem is reported at once, each naming the file, the
/// key and the fix, so a technician fixes a profile in one pass.
/// </summary>
public static class PrinterProfileLoader
{
    /// <summary>Epson font A: 12 dots per character.</summary>
    private const int FontADotsPerCharacter = 12;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Loads one profile file.</summary>
    /// <exception cref="PrinterProfileException">The file is missing, not JSON, or breaks a rule; the message lists every problem.</exception>
    public static PrinterProfile Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        PrinterProfile? profile;
        try
        {
            profile = JsonSerializer.Deserialize<PrinterProfile>(File.ReadAllText(path), Json);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PrinterProfileException(path, [$"cannot be read ({ex.Message}); check the path and its permissions"]);
        }
        catch (JsonException ex)
        {
            throw new PrinterProfileException(path, [$"is not valid JSON at line {ex.LineNumber + 1}: {ex.Message}"]);
        }

        if (profile is null)
        {
            throw new PrinterProfileException(path, ["is empty; write a JSON object with name, paperWidthMillimetres and transport"]);
        }

        var problems = Validate(profile);
        return problems.Count == 0 ? profile : throw new PrinterProfileException(path, problems);
    }

    /// <summary>Loads every <c>*.json</c> profile in <paramref name="directory"/>; names must be unique.</summary>
    public static IReadOnlyList<PrinterProfile> LoadAll(string directory)
    {
        var profiles = Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal).Select(Load).ToList();
        var duplicate = profiles.GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? profiles
            : throw new PrinterProfileException(directory, [$"has {duplicate.Count()} profiles named '{duplicate.Key}'; give each printer its own name"]);
    }

    /// <summary>Every problem with <paramref name="profile"/>, each naming its key and the fix; empty when it is good.</summary>
    public static IReadOnlyList<string> Validate(PrinterProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var problems = Attributes(profile, string.Empty);
        if (profile.PaperWidthMillimetres is not (58 or 80))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"paperWidthMillimetres: {profile.PaperWidthMillimetres} is not a receipt roll; use 80 or 58"));
        }

        // 203 dpi is 8 dots per mm; the head leaves about 4 mm unprinted on each side (TM-T20: 72 mm of 80 mm = 576 dots).
        var widest = (profile.PaperWidthMillimetres - 8) * 8;
        if (profile.DotsPerLine > widest)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"dotsPerLine: {profile.DotsPerLine} is wider than {profile.PaperWidthMillimetres} mm paper prints ({widest}); use 576 for 80 mm or 384 for 58 mm"));
        }

        if (profile.DotsPerLine % 8 != 0)
        {
            problems.Add("dotsPerLine: must be a multiple of 8 (raster rows are whole bytes); use 576 or 384");
        }

        if (profile.CharactersPerLine * FontADotsPerCharacter > profile.DotsPerLine)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"charactersPerLine: {profile.CharactersPerLine} characters of 12 dots do not fit {profile.DotsPerLine} dots; use {profile.DotsPerLine / FontADotsPerCharacter}"));
        }

        if (profile.Mode == PrinterMode.Tcvn3Text && profile.Tcvn3LowercasePage == profile.Tcvn3CapitalsPage)
        {
            problems.Add("tcvn3CapitalsPage: TCVN-3 needs two pages (lower case and capitals); set the capitals page from the printer's self-test (Epson: 30 and 31)");
        }

        if (profile.MaxBandBytes < profile.DotsPerLine / 8)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"maxBandBytes: {profile.MaxBandBytes} cannot hold one row of {profile.DotsPerLine / 8} bytes; raise it to at least that"));
        }

        if (profile.Transport is { } transport)
        {
            problems.AddRange(Attributes(transport, "transport."));
            var given = new[] { transport.SerialPort, transport.Host, transport.DevicePath }.Count(value => !string.IsNullOrWhiteSpace(value));
            if (given != 1)
            {
                problems.Add("transport: give exactly one of serialPort (with baudRate), host (with tcpPort) or devicePath");
            }
        }

        return problems;
    }

    private static List<string> Attributes(object target, string prefix)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(target, new ValidationContext(target), results, validateAllProperties: true);
        return [.. results.Select(r => $"{prefix}{Key(r.MemberNames.FirstOrDefault())}: {r.ErrorMessage}")];
    }

    private static string Key(string? member) => string.IsNullOrEmpty(member) ? "profile" : char.ToLowerInvariant(member[0]) + member[1..];
}
