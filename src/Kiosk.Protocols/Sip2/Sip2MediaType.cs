namespace Kiosk.Protocols.Sip2;

/// <summary>The media type of an item (spec, "media type", 3 digits).</summary>
public enum Sip2MediaType
{
    Other = 0,
    Book = 1,
    Magazine = 2,
    BoundJournal = 3,
    AudioTape = 4,
    VideoTape = 5,
    CdOrCdRom = 6,
    Diskette = 7,
    BookWithDiskette = 8,
    BookWithCd = 9,
    BookWithAudioTape = 10,
}
