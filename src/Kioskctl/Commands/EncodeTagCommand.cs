using System.CommandLine;
using Kiosk.Protocols.Tags;

namespace Kioskctl.Commands;

/// <summary>
/// <c>kioskctl encode tag --model M --item ID [--owner ISIL] [--country CC] [--parts N --part K] [--usage U]
/// [--variant V] [--block-size N]</c>: prints the user memory, as hex, that a tag of that model would carry.
/// </summary>
/// <remarks>Exit code 0 with the hex on stdout; 1 when the item does not fit the model, with the reason on stderr.</remarks>
internal static class EncodeTagCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "The data model to write.", Required = true };
        model.AcceptOnlyFromAmong(TagNames.Models);
        var item = new Option<string>("--item") { Description = "The primary item id (barcode).", Required = true };
        var owner = new Option<string?>("--owner") { Description = "The owner institution's ISIL, such as VN-HNLIB (not stored by 3M)." };
        var country = new Option<string?>("--country") { Description = "The owner's country, ISO 3166 alpha-2 (stored by ISO 28560-3)." };
        var parts = new Option<int>("--parts") { Description = "How many parts the item has.", DefaultValueFactory = _ => 1 };
        var part = new Option<int>("--part") { Description = "Which part this tag is on.", DefaultValueFactory = _ => 1 };
        var usage = new Option<string>("--usage") { Description = "The type of usage (not stored by 3M).", DefaultValueFactory = _ => "circulating" };
        usage.AcceptOnlyFromAmong(TagNames.Usages);
        var variant = new Option<string>("--variant") { Description = "The vendor layout, for ISO 28560-3.", DefaultValueFactory = _ => "standard" };
        variant.AcceptOnlyFromAmong(TagNames.Variants);
        var blockSize = new Option<int>("--block-size") { Description = "Bytes per block; the output is whole blocks.", DefaultValueFactory = _ => 4 };

        var command = new Command("tag", "Encode a library item as an ISO 15693 tag's user memory, printed as hex.")
        {
            model,
            item,
            owner,
            country,
            parts,
            part,
            usage,
            variant,
            blockSize,
        };
        command.SetAction(parseResult =>
        {
            var modelValue = TagNames.ParseModel(parseResult.GetValue(model));
            var tag = new LibraryItemTag
            {
                PrimaryItemId = parseResult.GetValue(item) ?? string.Empty,
                OwnerInstitution = parseResult.GetValue(owner),
                Country = parseResult.GetValue(country),
                PartsInItem = parseResult.GetValue(parts),
                PartNumber = parseResult.GetValue(part),
                TypeOfUsage = modelValue == LibraryTagModel.ThreeM ? null : TagNames.ParseUsage(parseResult.GetValue(usage)!),
                Variant = TagNames.ParseVariant(parseResult.GetValue(variant)!),
            };

            var size = parseResult.GetValue(blockSize);
            if (size < 1)
            {
                parseResult.InvocationConfiguration.Error.WriteLine("kioskctl: --block-size must be at least 1");
                return 1;
            }

            try
            {
                parseResult.InvocationConfiguration.Output.WriteLine(Convert.ToHexString(LibraryTagCodec.Encode(tag, modelValue, size)));
                return 0;
            }
            catch (TagEncodingException ex)
            {
                parseResult.InvocationConfiguration.Error.WriteLine("kioskctl: " + ex.Message);
                return 1;
            }
        });
        return command;
    }
}
