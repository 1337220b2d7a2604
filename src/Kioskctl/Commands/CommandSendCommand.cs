using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace Kioskctl.Commands;

/// <summary>
/// <c>kioskctl command send NAME --broker HOST[:PORT] --device-topic PREFIX/PROVINCE/LIBRARY/DEVICE [--args JSON] …</c>:
/// signs a remote command with the site's secret (the kiosk's own CommandSigner), publishes it on the kiosk's
/// <c>…/commands/NAME</c>, waits for the answer and prints it. The secret comes from a file or the environment, never
/// from the command line, and is never printed.
/// </summary>
internal static class CommandSendCommand
{
    /// <summary>The environment variable holding the site's command secret when no --secret-file is given.</summary>
    public const string SecretVariable = "KIOSK_COMMAND_SECRET";

    /// <summary>The environment variable holding the MQTT login's user name when no --username is given.</summary>
    public const string UsernameVariable = "KIOSK_MQTT_USERNAME";

    /// <summary>The environment variable holding the MQTT login's password when no --password-file is given.</summary>
    public const string PasswordVariable = "KIOSK_MQTT_PASSWORD";

    /// <summary>Exit status when the command was refused (signature, role, clock, unknown command…).</summary>
    public const int Refused = 2;

    /// <summary>Exit status when the broker could not be reached or refused the login or the request.</summary>
    public const int BrokerFailed = 3;

    /// <summary>Exit status when no answer came within the timeout.</summary>
    public const int NoReply = 4;

    /// <summary>Exit status when the kiosk ran the command and it failed (a printer out of paper, say).</summary>
    public const int CommandFailed = 5;

    // The kiosk refuses a shorter secret at start (CommandAuthorizer), so a shorter one here cannot be the site's.
    private const int MinimumSecretLength = 32;

    private static readonly AsyncLocal<TimeProvider?> TimeOverride = new();

    /// <summary>The clock requests are stamped with; tests may set another for their async flow.</summary>
    internal static TimeProvider Time
    {
        get => TimeOverride.Value ?? TimeProvider.System;
        set => TimeOverride.Value = value;
    }

    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The command: status, ping, reload-configuration, reader-self-test, printer-test-page, gate-test, enter-maintenance, leave-maintenance" };
        var broker = new Option<string>("--broker") { Description = "The MQTT broker, host[:port] (1883, or 8883 with --tls)", Required = true };
        var deviceTopic = new Option<string>("--device-topic") { Description = "The kiosk's root topic, prefix/province/library/device, e.g. library/hn/tvhn/kiosk-01", Required = true };
        var arguments = new Option<string>("--args") { Description = "The command's arguments as a JSON object, e.g. '{\"message\":\"closed for stocktaking\"}'" };
        var role = new Option<string>("--role") { Description = "The role to act as (Kiosk:Events:Commands:Roles on the kiosk)", DefaultValueFactory = _ => "technician" };
        var secretFile = new Option<string>("--secret-file") { Description = $"A file whose first line is the site's command secret; otherwise ${SecretVariable}" };
        var username = new Option<string>("--username") { Description = $"The MQTT login; otherwise ${UsernameVariable}, or none" };
        var passwordFile = new Option<string>("--password-file") { Description = $"A file whose first line is the MQTT password; otherwise ${PasswordVariable}" };
        var tls = new Option<bool>("--tls") { Description = "Connect over TLS" };
        var tlsCa = new Option<string>("--tls-ca") { Description = "A PEM CA certificate to trust for the broker's certificate" };
        var tlsServerName = new Option<string>("--tls-server-name") { Description = "The name on the broker's certificate, when not the --broker host" };
        var mqtt = new Option<string>("--mqtt") { Description = "The MQTT version: 5 or 3.1.1", DefaultValueFactory = _ => "5" };
        mqtt.AcceptOnlyFromAmong("5", "3.1.1");
        var timeout = new Option<string>("--timeout") { Description = "How long to wait for the connection and for the answer: 10, 10s, 1500ms, 1m", DefaultValueFactory = _ => "10s" };
        var json = new Option<bool>("--json") { Description = "Print the kiosk's answer as it sent it (one JSON object) instead of text." };

        var send = new Command("send", "Sign a command with the site's secret, send it to a kiosk through its broker, and print the answer")
        {
            name, broker, deviceTopic, arguments, role, secretFile, username, passwordFile, tls, tlsCa, tlsServerName, mqtt, timeout, json,
        };
        send.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var useTls = result.GetValue(tls);
            var command = result.GetValue(name)!;
            var topic = result.GetValue(deviceTopic)!.TrimEnd('/');
            if (!RemoteCommandTarget.TryParseBroker(result.GetValue(broker)!, useTls, out var host, out var port, out var brokerProblem))
            {
                return await FailAsync(error, brokerProblem!).ConfigureAwait(false);
            }

            if (RemoteCommandTarget.Problem(topic, command) is { } topicProblem)
            {
                return await FailAsync(error, topicProblem).ConfigureAwait(false);
            }

            if (!TryParseTimeout(result.GetValue(timeout)!, out var wait))
            {
                return await FailAsync(error, $"--timeout '{result.GetValue(timeout)}' is not a duration; write 10, 10s, 1500ms or 1m.").ConfigureAwait(false);
            }

            JsonElement? commandArguments = null;
            if (result.GetValue(arguments) is { } argumentsText)
            {
                try
                {
                    using var document = JsonDocument.Parse(argumentsText);
                    if (document.RootElement.ValueKind != JsonValueKind.Object)
                    {
                        return await FailAsync(error, "--args must be a JSON object, such as '{\"message\":\"closed\"}'.").ConfigureAwait(false);
                    }

                    commandArguments = document.RootElement.Clone();
                }
                catch (JsonException exception)
                {
                    return await FailAsync(error, $"--args is not JSON ({exception.Message}); give an object such as '{{\"message\":\"closed\"}}'.").ConfigureAwait(false);
                }
            }

            var (secret, secretProblem) = ReadSecret(result.GetValue(secretFile));
            if (secretProblem is not null)
            {
                return await FailAsync(error, secretProblem).ConfigureAwait(false);
            }

            var (password, passwordProblem) = ReadPassword(result.GetValue(passwordFile));
            if (passwordProblem is not null)
            {
                return await FailAsync(error, passwordProblem).ConfigureAwait(false);
            }

            var login = result.GetValue(username) ?? NonEmpty(Environment.GetEnvironmentVariable(UsernameVariable));
            var target = new RemoteCommandTarget(host, port, topic, command);
            var connection = new RemoteCommandConnection(login, password, useTls, result.GetValue(tlsCa), result.GetValue(tlsServerName), result.GetValue(mqtt) == "3.1.1", wait);
            return await RunAsync(target, connection, secret!, result.GetValue(role)!, commandArguments, result.GetValue(json), output, error, cancellationToken).ConfigureAwait(false);
        });

        return new Command("command", "Send signed remote commands to a kiosk over MQTT") { send };
    }

    internal static async Task<int> RunAsync(RemoteCommandTarget target, RemoteCommandConnection connection, string secret, string role, JsonElement? arguments, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var client = new RemoteCommandClient(target, connection);
        RemoteCommandReply? reply;
        try
        {
            reply = await client.SendAsync(secret, role, arguments, Time, cancellationToken).ConfigureAwait(false);
        }
        catch (RemoteCommandFailure failure)
        {
            await error.WriteLineAsync(failure.Message).ConfigureAwait(false);
            return BrokerFailed;
        }

        if (reply is null)
        {
            var seconds = connection.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            var status = client.KioskStatus switch
            {
                "offline" => $"{target.StatusTopic} says offline: the kiosk is not connected to this broker; check that it runs and its network.",
                "online" => $"{target.StatusTopic} says online, so the kiosk may not take commands (Kiosk:Events:Commands:Enabled), may answer elsewhere, or be busy; check its log.",
                _ => $"nothing is retained on {target.StatusTopic}: is --device-topic the kiosk's (Kiosk:Events:Topics) and is this its broker?",
            };
            await error.WriteLineAsync($"No reply within {seconds} s from {target.CommandTopic}: is the kiosk online? {status}").ConfigureAwait(false);
            return NoReply;
        }

        if (json)
        {
            await output.WriteLineAsync(reply.Json).ConfigureAwait(false);
        }
        else
        {
            await output.WriteLineAsync(Describe(target, reply)).ConfigureAwait(false);
        }

        switch (reply.Status)
        {
            case "ok":
                return 0;
            case "refused":
                await error.WriteLineAsync($"{target.Device} refused {target.Command} ({reply.Code}): {reply.Reason} {Hint(reply.Code)}".TrimEnd()).ConfigureAwait(false);
                return Refused;
            default:
                await error.WriteLineAsync($"{target.Device} ran {target.Command}, and it failed: {reply.Reason}").ConfigureAwait(false);
                return CommandFailed;
        }
    }

    internal static string Describe(RemoteCommandTarget target, RemoteCommandReply reply)
    {
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{target.Command} on {target.DeviceTopic}: {reply.Status}{(reply.Code is null ? string.Empty : $" ({reply.Code})")}, answered in {reply.Elapsed.TotalMilliseconds:0} ms"),
        };
        if (!string.IsNullOrEmpty(reply.Reason))
        {
            lines.Add($"  {reply.Reason}");
        }

        if (reply.Result is { ValueKind: JsonValueKind.Object } result)
        {
            var width = result.EnumerateObject().Select(property => property.Name.Length).DefaultIfEmpty(0).Max();
            lines.AddRange(result.EnumerateObject().Select(property => $"  {property.Name.PadRight(width)}  {Value(property.Value)}"));
        }
        else if (reply.Result is { } value)
        {
            lines.Add($"  {Value(value)}");
        }

        return string.Join(Environment.NewLine, lines);
    }

    internal static bool TryParseTimeout(string text, out TimeSpan timeout)
    {
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : (text, 1.0);
        timeout = double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && value * unit <= 3600
            ? TimeSpan.FromSeconds(value * unit)
            : TimeSpan.Zero;
        return timeout > TimeSpan.Zero;
    }

    private static string Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        _ => value.GetRawText(),
    };

    private static string Hint(string? code) => code switch
    {
        "bad-signature" => $"Check that --secret-file (or ${SecretVariable}) holds this site's secret, the kiosk's Kiosk:Events:Commands:Secret.",
        "not-allowed" => "Use a role that may run it (--role), as Kiosk:Events:Commands:Roles on the kiosk says.",
        "stale" => "Check this computer's clock and the kiosk's (NTP), then send again.",
        "wrong-device" => "Check --device-topic: its last level must be the kiosk's Kiosk:DeviceId.",
        "no-secret" => "Give the kiosk its secret (Kiosk:Events:Commands:Secret or SecretFile) and restart it.",
        "replayed" or "busy" => "Send it again.",
        _ => string.Empty,
    };

    private static (string? Secret, string? Problem) ReadSecret(string? file)
    {
        string? secret;
        if (file is not null)
        {
            var (line, problem) = FirstLine(file, "--secret-file");
            if (problem is not null)
            {
                return (null, problem);
            }

            secret = line;
        }
        else
        {
            secret = NonEmpty(Environment.GetEnvironmentVariable(SecretVariable));
            if (secret is null)
            {
                return (null, $"No command secret: give --secret-file PATH (a file whose first line is the site's secret) or export {SecretVariable}.");
            }
        }

        // The length only: the secret itself is never written anywhere.
        return string.IsNullOrEmpty(secret) || secret.Length < MinimumSecretLength
            ? (null, string.Create(CultureInfo.InvariantCulture, $"The command secret is {secret?.Length ?? 0} characters; a kiosk's is at least {MinimumSecretLength} (Kiosk:Events:Commands:Secret), so this is not the site's secret."))
            : (secret, null);
    }

    private static (string? Password, string? Problem) ReadPassword(string? file)
    {
        if (file is null)
        {
            return (NonEmpty(Environment.GetEnvironmentVariable(PasswordVariable)), null);
        }

        var (line, problem) = FirstLine(file, "--password-file");
        return problem is not null ? (null, problem)
            : string.IsNullOrEmpty(line) ? (null, $"--password-file {file} is empty; put the MQTT password on its first line.")
            : (line, null);
    }

    private static (string? Line, string? Problem) FirstLine(string file, string option)
    {
        try
        {
            return (File.ReadLines(file).FirstOrDefault()?.Trim(), null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (null, $"{option} {file} could not be read ({exception.Message}); check the path and its permissions.");
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static async Task<int> FailAsync(TextWriter error, string message)
    {
        await error.WriteLineAsync(message).ConfigureAwait(false);
        return 1;
    }
}
