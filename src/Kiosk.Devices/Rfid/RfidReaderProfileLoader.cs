using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;

namespace Kiosk.Devices.Rfid;

/// <summary>
/// Loads reader profiles from JSON files and checks them. Every problem is reported at once, each naming the file, the
/// key and the fix, so a technician fixes a profile in one pass.
/// </summary>
public static class RfidReaderProfileLoader
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Loads one profile file.</summary>
    /// <exception cref="RfidReaderProfileException">The file is missing, not JSON, or breaks a rule; the message lists every problem.</exception>
    public static RfidReaderProfile Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        RfidReaderProfile? profile;
        try
        {
            profile = JsonSerializer.Deserialize<RfidReaderProfile>(File.ReadAllText(path), Json);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RfidReaderProfileException(path, [$"cannot be read ({ex.Message}); check the path and its permissions"]);
        }
        catch (JsonException ex)
        {
            throw new RfidReaderProfileException(path, [$"is not valid JSON at line {ex.LineNumber + 1}: {ex.Message}"]);
        }

        if (profile is null)
        {
            throw new RfidReaderProfileException(path, ["is empty; write a JSON object with name, protocol and port"]);
        }

        ApplyProtocolDefaults(profile);
        var problems = Validate(profile);
        return problems.Count == 0 ? profile : throw new RfidReaderProfileException(path, problems);
    }

    /// <summary>Loads every <c>*.json</c> profile in <paramref name="directory"/>; names must be unique.</summary>
    public static IReadOnlyList<RfidReaderProfile> LoadAll(string directory)
    {
        var profiles = Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal).Select(Load).ToList();
        var duplicate = profiles.GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? profiles
            : throw new RfidReaderProfileException(directory, [$"has {duplicate.Count()} profiles named '{duplicate.Key}'; give each reader its own name"]);
    }

    /// <summary>Fills what the file leaves out from the protocol's documented serial defaults.</summary>
    private static void ApplyProtocolDefaults(RfidReaderProfile profile)
    {
        if (profile.BaudRate == 0)
        {
            // FEIG ID CPR manual, "Interface": 38400 8E1. 3M 810 captures: 19200 8N1.
            profile.BaudRate = profile.Protocol == RfidReaderProtocol.Feig ? 38400 : 19200;
            if (profile.Protocol == RfidReaderProtocol.Feig && profile.Parity == System.IO.Ports.Parity.None)
            {
                profile.Parity = System.IO.Ports.Parity.Even;
            }
        }
    }

    private static List<string> Validate(RfidReaderProfile profile)
    {
        var problems = new List<string>();
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(profile, new ValidationContext(profile), results, validateAllProperties: true);
        problems.AddRange(results.Select(r => $"{Key(r.MemberNames.FirstOrDefault())}: {r.ErrorMessage}"));

        if (profile.SecuredAfi == profile.LoanedAfi)
        {
            problems.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"securedAfi and loanedAfi are both 0x{profile.SecuredAfi:X2}; they must differ or the gate cannot tell a loaned book from a secured one"));
        }

        if (profile.Antennas.Any(a => a is < 1 or > 16) || profile.Antennas.Distinct().Count() != profile.Antennas.Count)
        {
            problems.Add("antennas: list each antenna once, numbered 1 to 16");
        }

        if (profile.Protocol == RfidReaderProtocol.ThreeM && profile.SecurityMode == RfidSecurityMode.Eas)
        {
            problems.Add("securityMode: the 3M 810 protocol has no EAS commands; use Afi");
        }

        if (profile.Protocol == RfidReaderProtocol.ThreeM && profile.Antennas.Count > 1)
        {
            problems.Add("antennas: the 3M 810 pad has one antenna; list [1]");
        }

        return problems;
    }

    private static string Key(string? member) => string.IsNullOrEmpty(member) ? "profile" : char.ToLowerInvariant(member[0]) + member[1..];
}
