using Kiosk.Protocols.Tags;
using Kiosk.Simulators.Rfid;

namespace Kiosk.Simulators.Tests.Rfid;

public sealed class RfidFieldConsoleTests
{
    private readonly RfidField _field = new(antennaCount: 2);

    private RfidFieldConsole Console => new(_field, LibraryTagModel.Iso28560Part3, SecurityAfi.Common);

    [Fact]
    public void Place_puts_a_secured_item_tag_on_the_pad()
    {
        var answer = Console.Execute("place TV0011");

        var tag = Assert.Single(_field.AllTags());
        Assert.Equal(SecurityAfi.Common.Secured, tag.Afi);
        Assert.Equal(LibraryTagFactory.UidFor("TV0011"), tag.Uid);
        Assert.StartsWith("Placed TV0011 part 1/1 (secured)", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Place_takes_a_loaned_part_of_a_set_on_another_antenna()
    {
        Console.Execute("place TV0007 loaned part 2/2 antenna 2");

        var tag = Assert.Single(_field.AllTags());
        Assert.Equal(SecurityAfi.Common.NotSecured, tag.Afi);
        Assert.Equal(2, _field.AntennaOf(tag.Uid));
        var item = LibraryTagCodec.Decode(new TagMemory(tag.ReadMemory(), tag.BlockSize), LibraryTagModel.Iso28560Part3).Item!;
        Assert.Equal((2, 2), (item.PartNumber, item.PartsInItem));
    }

    [Fact]
    public void Remove_by_item_id_lifts_the_book_and_list_shows_what_is_left()
    {
        Console.Execute("place TV0001");
        Console.Execute("place TV0002");

        var removed = Console.Execute("remove TV0001");
        var listed = Console.Execute("list");

        Assert.StartsWith("Removed TV0001", removed, StringComparison.Ordinal);
        Assert.Contains("item TV0002", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("item TV0001", listed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("place")]
    [InlineData("place TV0001 part two")]
    [InlineData("fly away")]
    [InlineData("place TV0001 part 3/2")]
    public void Bad_input_is_answered_in_words_and_changes_nothing(string line)
    {
        var answer = Console.Execute(line);

        Assert.Empty(_field.AllTags());
        Assert.True(answer.StartsWith("Not understood", StringComparison.Ordinal) || answer.StartsWith("Could not do that", StringComparison.Ordinal), answer);
    }
}
