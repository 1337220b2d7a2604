using System.Net;
using Microsoft.Extensions.Options;

namespace Kiosk.Events.Broker;

/// <summary>
/// Refuses an embedded broker open to the network: a <see cref="EmbeddedBrokerOptions.BindAddress"/> beyond loopback
/// needs a username and password, and a password needs its username. Each failure names the key and the fix.
/// </summary>
internal sealed class EmbeddedBrokerBindingValidator : IValidateOptions<EmbeddedBrokerOptions>
{
    public ValidateOptionsResult Validate(string? name, EmbeddedBrokerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var hasUsername = !string.IsNullOrEmpty(options.Username);
        var hasPassword = !string.IsNullOrEmpty(options.Password);
        if (!string.IsNullOrEmpty(options.BindAddress) && !IPAddress.TryParse(options.BindAddress, out _))
        {
            failures.Add($"{EmbeddedBrokerOptions.SectionName}:BindAddress is \"{options.BindAddress}\", not an IP address; "
                + "leave it empty for loopback only, or set one address such as 0.0.0.0 or the kiosk's LAN address.");
        }
        else if (!EmbeddedBrokerEndpoints.IsLoopbackOnly(options.BindAddress) && !(hasUsername && hasPassword))
        {
            failures.Add($"{EmbeddedBrokerOptions.SectionName}:BindAddress is {options.BindAddress}, beyond loopback, but "
                + $"{EmbeddedBrokerOptions.SectionName}:Username and Password are not both set: anyone on the network could read every "
                + "event and publish forged ones. Set both (the password in the environment variable Kiosk__EmbeddedBroker__Password), "
                + "or remove BindAddress to keep the broker on loopback.");
        }

        if (hasPassword && !hasUsername)
        {
            failures.Add($"{EmbeddedBrokerOptions.SectionName}:Password is set but Username is not; set {EmbeddedBrokerOptions.SectionName}:Username.");
        }
        else if (hasUsername && !hasPassword)
        {
            failures.Add($"{EmbeddedBrokerOptions.SectionName}:Username is set but Password is not; set the environment variable "
                + "Kiosk__EmbeddedBroker__Password.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
