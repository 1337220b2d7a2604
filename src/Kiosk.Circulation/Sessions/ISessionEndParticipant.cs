namespace Kiosk.Circulation.Sessions;

/// <summary>Something that must finish a session's business before it ends, such as loans whose book was lifted before its switch.</summary>
internal interface ISessionEndParticipant
{
    /// <summary>Called as session <paramref name="sessionId"/> ends, before the pad forgets it.</summary>
    Task SessionEndingAsync(Guid sessionId, CancellationToken cancellationToken);
}
