using System.Globalization;
using System.Text.RegularExpressions;

namespace Kioskctl.Commands;

/// <summary>
/// Where a command goes: the broker and the device's root topic <c>{prefix}/{province}/{library}/{device}</c>, and the
/// command's topics under it (Kiosk.Events README, "Topics").
/// </summary>
internal sealed partial record RemoteCommandTarget(string Host, int Port, string DeviceTopic, string Command)
{
    public string Device => DeviceTopic[(DeviceTopic.LastIndexOf('/') + 1)..];

    public string Broker => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");

    public string CommandTopic => $"{DeviceTopic}/commands/{Command}";

    /// <summary>Where the kiosk answers a request that names no reply topic of its own, and where kioskctl asks it to.</summary>
    public string ReplyTopic => $"{DeviceTopic}/replies/{Command}";

    public string StatusTopic => $"{DeviceTopic}/status";

    /// <summary>Parses <c>host</c>, <c>host:port</c> or <c>[v6]:port</c>; the port defaults to 1883, or 8883 with TLS.</summary>
    public static bool TryParseBroker(string broker, bool tls, out string host, out int port, out string? problem)
    {
        host = broker;
        port = tls ? 8883 : 1883;
        problem = null;
        var portText = (string?)null;
        if (broker.StartsWith('['))
        {
            var close = broker.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                problem = $"--broker '{broker}' opens '[' without closing it; write an IPv6 address as [::1]:1883.";
                return false;
            }

            host = broker[1..close];
            portText = broker.Length > close + 1 && broker[close + 1] == ':' ? broker[(close + 2)..] : null;
        }
        else if (broker.Count(c => c == ':') == 1)
        {
            host = broker[..broker.IndexOf(':', StringComparison.Ordinal)];
            portText = broker[(broker.IndexOf(':', StringComparison.Ordinal) + 1)..];
        }

        if (portText is not null && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            problem = $"--broker '{broker}' has port '{portText}'; give host:port with a port from 1 to 65535.";
            return false;
        }

        if (host.Length == 0)
        {
            problem = "--broker needs a host, such as mqtt.library.example or mqtt.library.example:8883.";
            return false;
        }

        return true;
    }

    /// <summary>Checks a device topic and a command name against the kiosk's topic rules (lower-case letters, digits, dashes).</summary>
    public static string? Problem(string deviceTopic, string command)
    {
        var levels = deviceTopic.Split('/');
        if (levels.Length != 4 || !levels.All(level => Level().IsMatch(level)))
        {
            return $"--device-topic '{deviceTopic}' must be prefix/province/library/device, each lower-case letters, digits and dashes, " +
                "such as library/hn/tvhn/kiosk-01 (the kiosk's Kiosk:Events:Topics).";
        }

        return Level().IsMatch(command)
            ? null
            : $"Command '{command}' must be lower-case letters, digits and dashes, such as ping, status or gate-test.";
    }

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex Level();
}
