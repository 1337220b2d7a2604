namespace Kiosk.Simulators.Ils;

/// <summary>What a fee payment did.</summary>
/// <param name="Accepted">Whether the payment was taken.</param>
/// <param name="RemainingBalance">Charged fines still owed, in VND.</param>
/// <param name="TransactionId">The payment's transaction id (SIP2 BK).</param>
/// <param name="Message">The screen message, in Vietnamese.</param>
internal sealed record PaymentOutcome(bool Accepted, long RemainingBalance, string TransactionId, string Message);
