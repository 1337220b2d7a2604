using System.CommandLine;
using System.Globalization;
using Kiosk.Ils;
using Kiosk.Protocols.Sip2;
using Kiosk.Protocols.Sip2.Messages;

namespace Kioskctl.Commands;

/// <summary>
/// <c>kioskctl sip2 login --host H --port P --user U --password-env VAR [--tls [--tls-ca FILE] [--tls-server-name N]] [--profile koha]</c>: logs in, asks SC
/// Status, and prints what the ACS supports in plain words. The password is read from an environment variable so it
/// never lands in the shell history.
/// </summary>
internal static class Sip2LoginCommand
{
    /// <summary>Exit status when the ILS refused the SIP login.</summary>
    public const int LoginRefused = 2;

    /// <summary>Exit status when the ILS could not be reached or did not answer.</summary>
    public const int Unreachable = 3;

    public static Command Create()
    {
        var host = new Option<string>("--host") { Description = "The ILS's SIP2 host", Required = true };
        var port = new Option<int>("--port") { Description = "The ILS's SIP2 port", DefaultValueFactory = _ => 6001 };
        var user = new Option<string>("--user") { Description = "The SIP login user id (CN); leave out for ILSs without Login" };
        var passwordEnv = new Option<string>("--password-env") { Description = "The environment variable holding the SIP login password (CO)" };
        var tls = new Option<bool>("--tls") { Description = "Connect over TLS" };
        var tlsCa = new Option<string>("--tls-ca") { Description = "A CA certificate file to trust for the ILS's TLS certificate" };
        var tlsServerName = new Option<string>("--tls-server-name") { Description = "The name the ILS's TLS certificate carries, when it is not --host" };
        var profile = new Option<string>("--profile")
        {
            Description = "The dialect: " + string.Join(", ", Sip2Dialects.All.Select(p => p.Name)),
            DefaultValueFactory = _ => "generic",
        };
        var charset = new Option<string>("--charset") { Description = "Overrides the profile's charset" };
        var institution = new Option<string>("--institution") { Description = "The institution id (AO)" };
        var location = new Option<string>("--location") { Description = "The location code (CP)" };
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for each answer", DefaultValueFactory = _ => 10 };

        var login = new Command("login", "Log in to the ILS, ask SC Status, and show what it supports")
        {
            host, port, user, passwordEnv, tls, tlsCa, tlsServerName, profile, charset, institution, location, timeout,
        };
        login.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var passwordVariable = result.GetValue(passwordEnv);
            var password = string.Empty;
            if (!string.IsNullOrEmpty(passwordVariable))
            {
                password = Environment.GetEnvironmentVariable(passwordVariable) ?? string.Empty;
                if (password.Length == 0)
                {
                    await error.WriteLineAsync($"Environment variable {passwordVariable} is empty or not set; export the SIP password in it.").ConfigureAwait(false);
                    return 1;
                }
            }

            var options = new Sip2ClientOptions
            {
                Host = result.GetValue(host)!,
                Port = result.GetValue(port),
                UseTls = result.GetValue(tls),
                TlsCaCertificatePath = result.GetValue(tlsCa),
                TlsServerName = result.GetValue(tlsServerName),
                Profile = result.GetValue(profile)!,
                Charset = result.GetValue(charset),
                UserId = result.GetValue(user) ?? string.Empty,
                Password = password,
                InstitutionId = result.GetValue(institution) ?? string.Empty,
                LocationCode = result.GetValue(location) ?? string.Empty,
                PoolSize = 1,
                MaxRetries = 1,
                RequestTimeout = TimeSpan.FromSeconds(result.GetValue(timeout)),
                ConnectTimeout = TimeSpan.FromSeconds(result.GetValue(timeout)),
            };
            return await RunAsync(options, output, error, cancellationToken).ConfigureAwait(false);
        });

        return new Command("sip2", "Talk to the ILS over SIP2") { login };
    }

    internal static async Task<int> RunAsync(Sip2ClientOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        Sip2Client client;
        try
        {
            client = new Sip2Client(options);
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 1;
        }

        await using (client.ConfigureAwait(false))
        {
            AcsStatusResponse status;
            try
            {
                status = await client.LoginAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Sip2Exception ex)
            {
                await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return ex.Kind == Sip2FailureKind.LoginRefused ? LoginRefused : Unreachable;
            }

            await output.WriteLineAsync(Describe(options, client.Profile, status)).ConfigureAwait(false);
            return 0;
        }
    }

    internal static string Describe(Sip2ClientOptions options, Sip2DialectProfile profile, AcsStatusResponse status)
    {
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            string.Create(c, $"Connected to {options.Host}:{options.Port}{(options.UseTls ? " over TLS" : string.Empty)} ({profile.Name} profile)"),
            string.IsNullOrEmpty(options.UserId) ? "Login: not used" : $"Login: accepted for user '{options.UserId}'",
            $"Library: {status.LibraryName ?? "(not given)"}, institution '{status.InstitutionId}'",
            $"ACS on-line: {YesNo(status.OnlineStatus)}; protocol {status.ProtocolVersion}",
            $"Kiosk may: check out {YesNo(status.CheckoutOk)}, check in {YesNo(status.CheckinOk)}, renew {YesNo(status.AcsRenewalPolicy)}, " +
            $"update patron status {YesNo(status.StatusUpdateOk)}, work off-line {YesNo(status.OfflineOk)}",
            status.Timeout is { } t ? string.Create(c, $"Timeout: {t.TotalSeconds:0.#} s") : "Timeout: not given",
            status.Retries is { } r ? string.Create(c, $"Retries allowed: {r}") : "Retries allowed: not given",
            status.DateTimeSync.Value is { } clock ? string.Create(c, $"ACS clock: {clock:yyyy-MM-dd HH:mm:ss}") : "ACS clock: not given",
            "Supported messages:",
        };
        foreach (var flag in Enum.GetValues<Sip2SupportedMessages>().Where(f => f is not Sip2SupportedMessages.None and not Sip2SupportedMessages.All))
        {
            lines.Add($"  {(status.SupportedMessages.HasFlag(flag) ? "yes" : "no ")}  {Words(flag)}");
        }

        lines.AddRange(status.ScreenMessages.Select(m => "Screen message: " + m));
        return string.Join(Environment.NewLine, lines);
    }

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Words(Sip2SupportedMessages flag) => flag switch
    {
        Sip2SupportedMessages.PatronStatus => "patron status (23/24)",
        Sip2SupportedMessages.Checkout => "checkout (11/12)",
        Sip2SupportedMessages.Checkin => "checkin (09/10)",
        Sip2SupportedMessages.BlockPatron => "block patron (01)",
        Sip2SupportedMessages.Status => "SC/ACS status (99/98)",
        Sip2SupportedMessages.Resend => "resend (97/96)",
        Sip2SupportedMessages.Login => "login (93/94)",
        Sip2SupportedMessages.PatronInformation => "patron information (63/64)",
        Sip2SupportedMessages.EndPatronSession => "end patron session (35/36)",
        Sip2SupportedMessages.FeePaid => "fee paid (37/38)",
        Sip2SupportedMessages.ItemInformation => "item information (17/18)",
        Sip2SupportedMessages.ItemStatusUpdate => "item status update (19/20)",
        Sip2SupportedMessages.PatronEnable => "patron enable (25/26)",
        Sip2SupportedMessages.Hold => "hold (15/16)",
        Sip2SupportedMessages.Renew => "renew (29/30)",
        Sip2SupportedMessages.RenewAll => "renew all (65/66)",
        _ => flag.ToString(),
    };
}
