namespace KioskController.Api.Status;

/// <summary>A tag on a reader's field as the screen shows it.</summary>
/// <param name="Uid">The tag's UID.</param>
/// <param name="Antenna">The antenna it lies on.</param>
/// <param name="ItemId">The item id its data model gives, or null when it could not be read or decoded.</param>
/// <param name="Model">The data model found (iso28560-2, iso28560-3, 3m), or why none was.</param>
/// <param name="PartNumber">Which part of a set this tag is.</param>
/// <param name="PartsInItem">How many parts the set has.</param>
public sealed record PadTag(string Uid, int Antenna, string? ItemId, string Model, int? PartNumber, int? PartsInItem);
