using Kiosk.Protocols.Sip2.Messages;

namespace Kiosk.Protocols.Sip2;

/// <summary>Which record reads each command's fixed fields.</summary>
internal static class Sip2MessageRegistry
{
    private static readonly Dictionary<string, Func<Sip2FixedFieldReader, Sip2FieldList, Sip2Message>> Readers = new(StringComparer.Ordinal)
    {
        [Sip2Command.BlockPatron] = BlockPatronRequest.Read,
        [Sip2Command.Checkin] = CheckinRequest.Read,
        [Sip2Command.CheckinResponse] = CheckinResponse.Read,
        [Sip2Command.Checkout] = CheckoutRequest.Read,
        [Sip2Command.CheckoutResponse] = CheckoutResponse.Read,
        [Sip2Command.Hold] = HoldRequest.Read,
        [Sip2Command.HoldResponse] = HoldResponse.Read,
        [Sip2Command.ItemInformation] = ItemInformationRequest.Read,
        [Sip2Command.ItemInformationResponse] = ItemInformationResponse.Read,
        [Sip2Command.ItemStatusUpdate] = ItemStatusUpdateRequest.Read,
        [Sip2Command.ItemStatusUpdateResponse] = ItemStatusUpdateResponse.Read,
        [Sip2Command.PatronStatus] = PatronStatusRequest.Read,
        [Sip2Command.PatronStatusResponse] = PatronStatusResponse.Read,
        [Sip2Command.PatronEnable] = PatronEnableRequest.Read,
        [Sip2Command.PatronEnableResponse] = PatronEnableResponse.Read,
        [Sip2Command.Renew] = RenewRequest.Read,
        [Sip2Command.RenewResponse] = RenewResponse.Read,
        [Sip2Command.EndPatronSession] = EndPatronSessionRequest.Read,
        [Sip2Command.EndSessionResponse] = EndSessionResponse.Read,
        [Sip2Command.FeePaid] = FeePaidRequest.Read,
        [Sip2Command.FeePaidResponse] = FeePaidResponse.Read,
        [Sip2Command.PatronInformation] = PatronInformationRequest.Read,
        [Sip2Command.PatronInformationResponse] = PatronInformationResponse.Read,
        [Sip2Command.RenewAll] = RenewAllRequest.Read,
        [Sip2Command.RenewAllResponse] = RenewAllResponse.Read,
        [Sip2Command.Login] = LoginRequest.Read,
        [Sip2Command.LoginResponse] = LoginResponse.Read,
        [Sip2Command.RequestScResend] = RequestScResend.Read,
        [Sip2Command.RequestAcsResend] = RequestAcsResend.Read,
        [Sip2Command.AcsStatus] = AcsStatusResponse.Read,
        [Sip2Command.ScStatus] = ScStatusRequest.Read,
    };

    public static bool TryGetReader(string command, out Func<Sip2FixedFieldReader, Sip2FieldList, Sip2Message> reader) =>
        Readers.TryGetValue(command, out reader!);

    public static IEnumerable<string> Commands => Readers.Keys;
}
