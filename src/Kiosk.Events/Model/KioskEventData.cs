using System.Text.Json.Serialization;

namespace Kiosk.Events.Model;

/// <summary>
/// The data of one kiosk event: the CloudEvents <c>data</c> member. Records deriving from it carry no patron
/// identifier, name or PIN; at most the salted pseudonym from <see cref="Privacy.PatronPseudonymizer"/>.
/// </summary>
public abstract record KioskEventData
{
    /// <summary>The CloudEvents <c>type</c>, one of <see cref="KioskEventTypes"/>.</summary>
    [JsonIgnore]
    public abstract string EventType { get; }

    /// <summary>Whether the outbox may drop this event when full.</summary>
    [JsonIgnore]
    public virtual EventClass EventClass => EventClass.Transaction;
}
