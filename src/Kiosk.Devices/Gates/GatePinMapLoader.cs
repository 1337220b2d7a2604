using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kiosk.Devices.Gates;

/// <summary>
/// Loads a gate pin map from JSON and checks it. Every problem is reported at once, each naming the key and the fix, so
/// a technician corrects the wiring file in one pass (the same contract as reader and printer profiles).
/// </summary>
public static partial class GatePinMapLoader
{
    // The kernel's GPIO character device numbers lines per chip from 0; no board we know of has more than 512 on a chip.
    private const int HighestLine = 511;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Loads and checks one pin map file.</summary>
    /// <exception cref="GatePinMapException">The file is missing, not JSON, or breaks a rule; the message lists every problem.</exception>
    public static GatePinMap Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new GatePinMapException(path, [$"cannot be read ({ex.Message}); check Kiosk:Gate:PinMap and the file's permissions"]);
        }

        return Parse(text, path);
    }

    /// <summary>Parses and checks a pin map held in <paramref name="json"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="GatePinMapException">The text is not JSON or breaks a rule.</exception>
    public static GatePinMap Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        GatePinMap? map;
        try
        {
            map = JsonSerializer.Deserialize<GatePinMap>(json, Json);
        }
        catch (JsonException ex)
        {
            throw new GatePinMapException(source, [$"is not valid JSON at line {ex.LineNumber + 1} ({ex.Path}): {ex.Message}"]);
        }

        if (map is null)
        {
            throw new GatePinMapException(source, ["is empty; write a JSON object with name, outerBeam, innerBeam, light and buzzer"]);
        }

        var problems = Validate(map);
        return problems.Count == 0 ? map : throw new GatePinMapException(source, problems);
    }

    /// <summary>Every problem of <paramref name="map"/>, each naming the key and the fix; empty when it can be used.</summary>
    public static IReadOnlyList<string> Validate(GatePinMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var problems = new List<string>();
        if (string.IsNullOrEmpty(map.Name) || !NamePattern().IsMatch(map.Name))
        {
            problems.Add("name: missing or not lower-case letters, digits and dashes; name the gate, such as \"gate-main\"");
        }

        if (map.Chip < 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"chip: {map.Chip} is not a GPIO chip; use N of /dev/gpiochipN (0 on a Raspberry Pi)"));
        }

        var used = new List<(string Key, int Line)>();
        Check("outerBeam", map.OuterBeam, required: true, "the street-side infrared beam's receiver", problems, used);
        Check("innerBeam", map.InnerBeam, required: true, "the library-side infrared beam's receiver", problems, used);
        Check("light", map.Light, required: true, "the alarm light's driver", problems, used);
        Check("buzzer", map.Buzzer, required: true, "the buzzer's driver", problems, used);
        Check("relay", map.Relay, required: false, "the relay", problems, used);

        foreach (var clash in used.GroupBy(entry => entry.Line).Where(group => group.Count() > 1))
        {
            var keys = string.Join(" and ", clash.Select(entry => entry.Key + ".pin"));
            // Two signals on one line would read each other's levels or fight over the output driver.
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{keys} share GPIO {clash.Key}; each signal needs its own line, so check the wiring and give each its own pin"));
        }

        return problems;
    }

    private static void Check(string key, GatePin? pin, bool required, string wiredTo, List<string> problems, List<(string Key, int Line)> used)
    {
        if (pin is null)
        {
            if (required)
            {
                problems.Add($"{key}: missing; add {{ \"pin\": N, \"polarity\": \"ActiveHigh\" }} with the GPIO line {wiredTo} is wired to");
            }

            return;
        }

        if (pin.Pin is null)
        {
            problems.Add($"{key}.pin: missing; set the GPIO line {wiredTo} is wired to");
        }
        else if (pin.Pin is < 0 or > HighestLine)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{key}.pin: {pin.Pin} is not a GPIO line; use the line number gpioinfo lists, 0 to {HighestLine}"));
        }
        else
        {
            used.Add((key, pin.Pin.Value));
        }

        if (string.IsNullOrEmpty(pin.Polarity))
        {
            problems.Add($"{key}.polarity: missing; write \"ActiveHigh\" when a high level means {(key.EndsWith("Beam", StringComparison.Ordinal) ? "blocked" : "on")}, else \"ActiveLow\"");
        }
        else if (!Enum.TryParse<GatePinPolarity>(pin.Polarity, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(pin.Polarity, out _))
        {
            problems.Add($"{key}.polarity: \"{pin.Polarity}\" is not a polarity; use \"ActiveHigh\" or \"ActiveLow\"");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
