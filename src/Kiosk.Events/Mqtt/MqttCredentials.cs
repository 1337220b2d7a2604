using Kiosk.Events.Options;

namespace Kiosk.Events.Mqtt;

/// <summary>The broker login, read once from the options (environment) or the password file. Never logged.</summary>
internal sealed class MqttCredentials
{
    internal MqttCredentials(string? username, string? password)
    {
        Username = username;
        Password = password;
    }

    public string? Username { get; }

    public string? Password { get; }

    /// <exception cref="InvalidOperationException">The password file is missing or unreadable; the message names the key.</exception>
    public static MqttCredentials From(MqttConnectionOptions options)
    {
        var password = options.Password;
        if (!string.IsNullOrEmpty(options.PasswordFile))
        {
            try
            {
                password = File.ReadLines(options.PasswordFile).FirstOrDefault()?.TrimEnd('\r', '\n');
            }
            catch (IOException exception)
            {
                throw new InvalidOperationException(
                    $"Kiosk:Events:Mqtt:PasswordFile {options.PasswordFile} could not be read ({exception.Message}); check the path and its permissions.", exception);
            }
            catch (UnauthorizedAccessException exception)
            {
                throw new InvalidOperationException(
                    $"Kiosk:Events:Mqtt:PasswordFile {options.PasswordFile} is not readable by the kiosk's user; fix its permissions.", exception);
            }
        }

        if (!string.IsNullOrEmpty(password) && string.IsNullOrEmpty(options.Username))
        {
            throw new InvalidOperationException("Kiosk:Events:Mqtt has a password but no Username; set Kiosk:Events:Mqtt:Username.");
        }

        return new MqttCredentials(string.IsNullOrEmpty(options.Username) ? null : options.Username, password);
    }

    /// <summary>Keeps the password out of any accidental log or debugger display.</summary>
    public override string ToString() => Username is null ? "(anonymous)" : $"{Username} (password {(Password is null ? "none" : "set")})";
}
