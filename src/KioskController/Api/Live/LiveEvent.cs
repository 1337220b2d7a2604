namespace KioskController.Api.Live;

/// <summary>One server-sent event: its name and its JSON data.</summary>
internal sealed record LiveEvent(string Type, string Json);
