using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
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
            }
        }

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

    // ValidateDataAnnotations' form (Microsoft.Extensions.Options.DataAnnotationValidateOptions).
    [GeneratedRegex(@"^DataAnnotation validation failed for '[^']+' members: '(?<member>[^']+)' with the error: '(?<reason>.*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationFailure();

    // The source-generated validators' "Member: message" form.
    [GeneratedRegex(@"^(?<member>[A-Za-z_][A-Za-z0-9_.\[\]]*): (?<reason>.+)$", RegexOptions.Singleline)]
    private static partial Regex MemberFailure();
}
