namespace Kioskctl.Commands;

/// <summary>The broker could not be reached, refused the login, or refused the request; the message names what to check.</summary>
internal sealed class RemoteCommandFailure(string message, Exception? inner = null) : Exception(message, inner);
