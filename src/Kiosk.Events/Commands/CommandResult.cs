namespace Kiosk.Events.Commands;

/// <summary>What a handler answers.</summary>
/// <param name="Succeeded">Whether the action succeeded.</param>
/// <param name="Message">A short message for the technician.</param>
/// <param name="Data">Anything JSON-serializable to return (no patron data).</param>
public sealed record CommandResult(bool Succeeded, string? Message = null, object? Data = null)
{
    /// <summary>A success with optional data.</summary>
    public static CommandResult Ok(object? data = null, string? message = null) => new(true, message, data);

    /// <summary>A failure with its reason.</summary>
    public static CommandResult Failed(string message) => new(false, message);
}
