namespace KioskController.Api.Status;

/// <summary>The receipt printer as <c>/api/status</c> shows it.</summary>
/// <param name="Description">The printer's transport and address.</param>
/// <param name="CanPrint">Whether a receipt would print now.</param>
/// <param name="PaperEnd">Out of paper.</param>
/// <param name="PaperNearEnd">Paper running low.</param>
/// <param name="CoverOpen">The cover is open.</param>
/// <param name="Offline">The printer says it is off-line.</param>
/// <param name="Detail">What the printer's state means, in words.</param>
public sealed record PrinterSnapshot(string Description, bool CanPrint, bool PaperEnd, bool PaperNearEnd, bool CoverOpen, bool Offline, string? Detail);
