using System.Net;

namespace Kiosk.Events.Broker;

/// <summary>Where the embedded broker listens, from <see cref="EmbeddedBrokerOptions.BindAddress"/>.</summary>
internal static class EmbeddedBrokerEndpoints
{
    /// <summary>Whether <paramref name="bindAddress"/> keeps the broker to this machine (empty means loopback).</summary>
    public static bool IsLoopbackOnly(string? bindAddress) =>
        string.IsNullOrEmpty(bindAddress) || (IPAddress.TryParse(bindAddress, out var address) && IPAddress.IsLoopback(address));

    /// <summary>
    /// The IPv4 and IPv6 addresses to bind; <see cref="IPAddress.None"/> leaves that family out. MQTTnet binds IPv6 to
    /// [::] unless told otherwise, so both are always given.
    /// </summary>
    public static (IPAddress V4, IPAddress V6) Resolve(string? bindAddress)
    {
        if (string.IsNullOrEmpty(bindAddress))
        {
            return (IPAddress.Loopback, IPAddress.IPv6Loopback);
        }

        var address = IPAddress.Parse(bindAddress);
        return address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? (IPAddress.None, address)
            : (address, IPAddress.None);
    }

    /// <summary>Where a client on this machine reaches a broker bound to <paramref name="bindAddress"/>.</summary>
    public static string ClientHost(string? bindAddress)
    {
        if (string.IsNullOrEmpty(bindAddress))
        {
            return "127.0.0.1";
        }

        var address = IPAddress.Parse(bindAddress);
        return address.Equals(IPAddress.Any) ? "127.0.0.1" : address.Equals(IPAddress.IPv6Any) ? "::1" : address.ToString();
    }
}
