namespace KioskController.Api.Staff;

/// <summary>The body of <c>POST /api/staff/access</c>: the code staff typed.</summary>
/// <param name="Code">The digits.</param>
internal sealed record StaffAccessRequest(string? Code);
