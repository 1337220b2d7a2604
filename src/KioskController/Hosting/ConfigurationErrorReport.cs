using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Kiosk.Devices.Printers;
using Kiosk.Devices.Rfid;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace KioskController.Hosting;

/// <summary>
/// Turns a configuration failure at start into what a technician can act on: the full key, what is wrong with it, and
/// where to set it, without a stack trace. Options validators report a member name ("HeartbeatInterval: …") and the
/// binder a conversion failure; both become "Kiosk:Sip2:HeartbeatInterval: … Set it in appsettings.json or the
/// environment variable Kiosk__Sip2__HeartbeatInterval".
/// </summary>
internal static partial class ConfigurationErrorReport
{
    /// <summary>The exit code for a configuration error (EX_CONFIG in sysexits.h), so a service manager can tell it from a crash.</summary>
    public const int ExitCode = 78;

    /// <summary>Describes <paramref name="exception"/> when it, or one it wraps, is a configuration error.</summary>
    public static bool TryDescribe(Exception exception, out string report)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var lines = LinesFor(exception);
        if (lines.Count == 0)
        {
            report = string.Empty;
            return false;
        }

        var text = new StringBuilder("KioskController cannot start: its configuration is not valid.").AppendLine();
        foreach (var line in lines.Distinct(StringComparer.Ordinal))
        {
            text.Append("  - ").AppendLine(line);
        }

        report = text.ToString();
        return true;
    }

    /// <summary>One line per configuration mistake in <paramref name="exception"/> or those it wraps; empty when there is none.</summary>
    public static List<string> LinesFor(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var lines = new List<string>();
        foreach (var error in Flatten(exception))
        {
            switch (error)
            {
                case OptionsValidationException invalid:
                    lines.AddRange(invalid.Failures.Select(failure => Describe(invalid.OptionsType, failure)));
                    break;
                case InvalidOperationException conversion when ConversionFailure().Match(conversion.Message) is { Success: true } match:
                    var key = match.Groups["key"].Value;
                    lines.Add($"{key}: '{match.Groups["value"].Value}' is not a valid {FriendlyType(match.Groups["type"].Value)}{Example(match.Groups["type"].Value)}. {WhereToSet(key)}");
                    break;
                case RfidReaderProfileException reader:
                    lines.Add($"{RfidReadersOptions.SectionName}:ProfileDirectory: {OneLine(reader.Message, reader.Path, reader.Problems)}; "
                        + "correct the profile, or point the key at the folder of reader profiles.");
                    break;
                case PrinterProfileException printer:
                    lines.Add($"{PrinterProfileKey}: {OneLine(printer.Message, printer.Path, printer.Problems)}; correct the profile, or point the key at the printer's profile file.");
                    break;
                case IOException bind when bind.InnerException is AddressInUseException:
                    // Kestrel's "Failed to bind to address http://127.0.0.1:5080: address already in use."
                    var address = AddressInUse().Match(bind.Message) is { Success: true } url ? url.Groups["address"].Value : "its address";
                    lines.Add($"Kiosk:Urls: {address} is taken by another program; pick another port in Kiosk:Urls, or stop the other program. "
                        + WhereToSet("Kiosk:Urls"));
                    break;
                case ArgumentException or InvalidOperationException when KeyFirst().IsMatch(error.Message):
                    // Our own checks at start (the SIP2 settings, the command secret) name their key first, written for people.
                    lines.Add(ParameterName().Replace(error.Message.ReplaceLineEndings(" "), string.Empty));
                    break;
            }
        }

        return lines;
    }

    private static string Describe(Type optionsType, string failure)
    {
        var section = optionsType.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string;
        if (section is not null && DataAnnotationFailure().Match(failure) is { Success: true } annotated)
        {
            var annotatedKey = section + ":" + annotated.Groups["member"].Value.Replace('.', ':');
            var why = annotated.Groups["reason"].Value.TrimEnd('.');
            return why.StartsWith(annotatedKey, StringComparison.Ordinal)
                ? $"{why}. {WhereToSet(annotatedKey)}"
                : $"{annotatedKey}: {why}. {WhereToSet(annotatedKey)}";
        }

        var member = MemberFailure().Match(failure);
        if (section is null || !member.Success || optionsType.GetProperty(member.Groups["member"].Value.Split('.', '[')[0]) is null)
        {
            // Already written for people (the consistency validators name their keys), or not ours to rename.
            return failure;
        }

        var key = section + ":" + member.Groups["member"].Value.Replace('.', ':');
        var reason = member.Groups["reason"].Value.Replace($"The field {optionsType.Name}.{member.Groups["member"].Value} ", "It ", StringComparison.Ordinal);
        return $"{key}: {reason.TrimEnd('.')}. {WhereToSet(key)}";
    }

    /// <summary>The key naming a site's receipt printer profile.</summary>
    public const string PrinterProfileKey = "Kiosk:Printer:Profile";

    /// <summary>A profile's problems on one line: "Reader profile /x.json has problems: a; b".</summary>
    private static string OneLine(string message, string? path, IReadOnlyList<string> problems) =>
        problems.Count > 1 && path is not null && message.Contains(path, StringComparison.Ordinal)
            ? message[..message.IndexOf(path, StringComparison.Ordinal)] + path + " has problems: " + string.Join("; ", problems)
            : message.ReplaceLineEndings(" ");

    private static string WhereToSet(string key) =>
        $"Set it in appsettings.json, with --{key}=…, or in the environment variable {key.Replace(":", "__", StringComparison.Ordinal)}.";

    private static string FriendlyType(string type) => type switch
    {
        "System.TimeSpan" => "duration",
        "System.Int32" or "System.Int64" => "whole number",
        "System.Boolean" => "true/false value",
        _ when type.StartsWith("System.", StringComparison.Ordinal) => type["System.".Length..],
        _ => "value of " + type[(type.LastIndexOf('.') + 1)..],
    };

    private static string Example(string type) => type switch
    {
        "System.TimeSpan" => " (write hh:mm:ss, such as 00:01:30 for 90 seconds)",
        "System.Boolean" => " (write true or false)",
        _ => string.Empty,
    };

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        yield return exception;
        if (exception is AggregateException aggregate)
        {
            foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
            {
                yield return inner;
            }
        }
        else if (exception.InnerException is { } inner)
        {
            foreach (var nested in Flatten(inner))
            {
                yield return nested;
            }
        }
    }

    // Microsoft.Extensions.Configuration.Binder's message for a value it cannot convert.
    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex ConversionFailure();

    // Kestrel's message when the address is taken (Microsoft.AspNetCore.Server.Kestrel.Core, AddressBinder).
    [GeneratedRegex(@"^Failed to bind to address (?<address>\S+): address already in use", RegexOptions.Singleline)]
    private static partial Regex AddressInUse();

    // "Kiosk:Sip2:Charset: …", "Kiosk:Events:Commands:Secret must be …": a full key, then what is wrong.
    [GeneratedRegex(@"^Kiosk(:[A-Za-z0-9]+)+[: ]", RegexOptions.CultureInvariant)]
    private static partial Regex KeyFirst();

    // ArgumentException's " (Parameter 'name')", which names our code's parameter, not the technician's key.
    [GeneratedRegex(@" \(Parameter '[^']*'\)", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterName();

    // ValidateDataAnnotations' form (Microsoft.Extensions.Options.DataAnnotationValidateOptions).
    [GeneratedRegex(@"^DataAnnotation validation failed for '[^']+' members: '(?<member>[^']+)' with the error: '(?<reason>.*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationFailure();

    // The source-generated validators' "Member: message" form.
    [GeneratedRegex(@"^(?<member>[A-Za-z_][A-Za-z0-9_.\[\]]*): (?<reason>.+)$", RegexOptions.Singleline)]
    private static partial Regex MemberFailure();
}
