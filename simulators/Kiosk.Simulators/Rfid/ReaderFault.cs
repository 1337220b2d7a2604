namespace Kiosk.Simulators.Rfid;

/// <summary>The counted faults a reader simulator can inject.</summary>
internal enum ReaderFault
{
    /// <summary>The next write stops part-way and the tag leaves the field.</summary>
    TagLeavesMidWrite,

    /// <summary>The next write fails verification; the tag stays.</summary>
    WriteError,

    /// <summary>The next transponder command's radio exchange is corrupted.</summary>
    RfCommunicationError,

    /// <summary>Noise goes on the line ahead of the next reply.</summary>
    GarbageBeforeReply,

    /// <summary>The next memory read gets no answer from the tag, as from a weak tag or one still settling on the pad.</summary>
    ReadError,
}
