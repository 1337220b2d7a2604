namespace Kiosk.Events.Model;

/// <summary>
/// The CloudEvents <c>type</c> of every kiosk event: <c>vn.library.kiosk.{subject}.{what-happened}</c>, lower case,
/// words joined by dashes. The part after <see cref="Prefix"/> is also the last level of the event's MQTT topic.
/// </summary>
public static class KioskEventTypes
{
    /// <summary>What every type starts with.</summary>
    public const string Prefix = "vn.library.kiosk.";

    public const string SessionStarted = Prefix + "session.started";
    public const string SessionEnded = Prefix + "session.ended";
    public const string ItemCheckedOut = Prefix + "item.checked-out";
    public const string ItemReturned = Prefix + "item.returned";
    public const string ItemRenewed = Prefix + "item.renewed";
    public const string ItemRefused = Prefix + "item.refused";
    public const string SecuritySwitchFailed = Prefix + "security.switch-failed";

    /// <summary>A lent book was lifted off the pad before its security was switched off.</summary>
    public const string ItemRemovedBeforeSwitch = Prefix + "item.removed-before-switch";

    /// <summary>At start, the security journal brought an item left mid-way to agree with the ILS.</summary>
    public const string SecurityRecovered = Prefix + "security.recovered";

    /// <summary>Staff marked an item on the kiosk's staff list (security not settled) as dealt with.</summary>
    public const string SecurityResolved = Prefix + "security.resolved";
    public const string GateAlarm = Prefix + "gate.alarm";
    public const string GateAlarmEnriched = Prefix + "gate.alarm-enriched";
    public const string GatePassageCounts = Prefix + "gate.passage-counts";
    public const string DeviceStatusChanged = Prefix + "device.status-changed";
    public const string OfflineModeEntered = Prefix + "offline.entered";
    public const string OfflineModeLeft = Prefix + "offline.left";
    public const string OfflineTransactionReplayed = Prefix + "offline.transaction-replayed";
    public const string OfflineTransactionConflict = Prefix + "offline.transaction-conflict";

    /// <summary>Staff marked an off-line transaction's conflict as dealt with.</summary>
    public const string OfflineConflictResolved = Prefix + "offline.conflict-resolved";
    public const string OutboxStateChanged = Prefix + "outbox.state-changed";
    public const string CommandExecuted = Prefix + "command.executed";
    public const string CommandRefused = Prefix + "command.refused";

    /// <summary>Wrong staff access codes in a row locked the staff screen for a while.</summary>
    public const string StaffLockedOut = Prefix + "staff.locked-out";

    /// <summary>The topic level for <paramref name="eventType"/>: the type without <see cref="Prefix"/>.</summary>
    public static string TopicLevel(string eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        return eventType.StartsWith(Prefix, StringComparison.Ordinal) ? eventType[Prefix.Length..] : eventType;
    }
}
