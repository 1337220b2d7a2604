using Kiosk.Devices.Printers;
using Kiosk.Devices.Rfid;
using Microsoft.Extensions.Options;

namespace KioskController.Hosting;

/// <summary>
/// Checks the files a site's configuration names, in the real run and the simulated one alike: the reader profiles
/// (Kiosk:Rfid:ProfileDirectory) and the printer profile (Kiosk:Printer:Profile). A simulated run uses its own, but a
/// folder that is not there or a profile that does not load is as wrong there as on the kiosk it was written for. Read
/// from the configuration, not the options, because the simulated run replaces both.
/// </summary>
internal sealed class KioskFileSettingsValidator(IConfiguration configuration) : IValidateOptions<KioskOptions>
{
    private const string ReaderDirectoryKey = RfidReadersOptions.SectionName + ":ProfileDirectory";

    public ValidateOptionsResult Validate(string? name, KioskOptions options)
    {
        var failures = new List<string>();
        var readers = configuration[ReaderDirectoryKey];
        if (!string.IsNullOrEmpty(readers))
        {
            if (!Directory.Exists(readers))
            {
                failures.Add($"{ReaderDirectoryKey}: the folder {readers} does not exist; point it at the folder of reader profiles, "
                    + "such as firmware-config/readers.");
            }
            else
            {
                failures.AddRange(MistakesOf(() => RfidReaderProfileLoader.LoadAll(readers)));
            }
        }

        var printer = configuration[ConfigurationErrorReport.PrinterProfileKey];
        if (!string.IsNullOrEmpty(printer))
        {
            failures.AddRange(MistakesOf(() => PrinterProfileLoader.Load(printer)));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static List<string> MistakesOf(Action load)
    {
        try
        {
            load();
            return [];
        }
        catch (Exception exception) when (exception is RfidReaderProfileException or PrinterProfileException)
        {
            return ConfigurationErrorReport.LinesFor(exception);
        }
    }
}
