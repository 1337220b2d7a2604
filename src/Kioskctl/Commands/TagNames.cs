using System.Globalization;
using Kiosk.Protocols.Tags;

namespace Kioskctl.Commands;

/// <summary>The words the CLI uses for tag models, variants and types of usage, on the command line and in JSON.</summary>
internal static class TagNames
{
    public static readonly string[] Models = ["iso28560-2", "iso28560-3", "3m"];

    public static readonly string[] Usages = ["acquisition", "circulating", "not-for-loan", "local-use-3", "local-use-4", "reserved-5", "no-information", "discarded", "patron-card", "equipment"];

    public static readonly string[] Variants = ["standard", "blocks-reversed", "nibbles-swapped", "blocks-reversed-nibbles-swapped"];

    public static string? Model(LibraryTagModel model) => model switch
    {
        LibraryTagModel.Iso28560Part2 => Models[0],
        LibraryTagModel.Iso28560Part3 => Models[1],
        LibraryTagModel.ThreeM => Models[2],
        _ => null,
    };

    public static LibraryTagModel ParseModel(string? name) => Array.IndexOf(Models, name) switch
    {
        0 => LibraryTagModel.Iso28560Part2,
        1 => LibraryTagModel.Iso28560Part3,
        2 => LibraryTagModel.ThreeM,
        _ => LibraryTagModel.Unknown,
    };

    public static string Usage(TypeOfUsage usage) =>
        (int)usage is >= 0 and < 10 ? Usages[(int)usage] : "reserved-" + ((int)usage).ToString(CultureInfo.InvariantCulture);

    public static TypeOfUsage ParseUsage(string name) => (TypeOfUsage)Array.IndexOf(Usages, name);

    public static string Variant(LibraryTagVariant variant) => Variants[(int)variant];

    public static LibraryTagVariant ParseVariant(string name) => (LibraryTagVariant)Array.IndexOf(Variants, name);

    public static string Verdict(TagVerdict verdict) => verdict switch
    {
        TagVerdict.Decoded => "decoded",
        TagVerdict.Blank => "blank",
        TagVerdict.Foreign => "foreign",
        _ => "corrupt",
    };
}
