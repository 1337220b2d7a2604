using Kiosk.Protocols.Sip2;
using Kiosk.Protocols.Sip2.Messages;
using Kiosk.Simulators.Ils;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Simulators.Tests.Ils;

/// <summary>Starts simulators on an ephemeral loopback port and builds requests the way a kiosk sends them.</summary>
internal static class IlsTestHarness
{
    /// <summary>24/11/2026 09:00 (the fake clock's zone is UTC): a 21-day loan is due 15/12/2026.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider NewClock() => new(Start);

    public static async Task<IlsSimulator> StartAsync(TimeProvider? time = null, Action<IlsSimulatorOptions>? configure = null)
    {
        var options = new IlsSimulatorOptions();
        configure?.Invoke(options);
        var simulator = new IlsSimulator(options, timeProvider: time ?? NewClock());
        await simulator.StartAsync();
        return simulator;
    }

    public static async Task<Sip2TestClient> ConnectAndLoginAsync(IlsSimulator simulator)
    {
        var client = await Sip2TestClient.ConnectAsync(simulator.EndPoint);
        await client.LoginAsync();
        return client;
    }

    public static Sip2Timestamp Now => Sip2Timestamp.Local(Start.DateTime);

    public static CheckoutRequest Checkout(string patron, string item, string? pin = null, bool? cancel = null, bool noBlock = false, bool renewalPolicy = true) => new()
    {
        ScRenewalPolicy = renewalPolicy,
        TransactionDate = Now,
        NoBlock = noBlock,
        InstitutionId = "VN-HN-TVHN",
        PatronIdentifier = patron,
        ItemIdentifier = item,
        TerminalPassword = string.Empty,
        PatronPassword = pin,
        Cancel = cancel,
    };

    public static CheckinRequest Checkin(string item, bool? cancel = null) => new()
    {
        TransactionDate = Now,
        ReturnDate = Now,
        CurrentLocation = "Quầy tự phục vụ",
        InstitutionId = "VN-HN-TVHN",
        ItemIdentifier = item,
        TerminalPassword = string.Empty,
        Cancel = cancel,
    };

    public static RenewRequest Renew(string patron, string item, string? pin = null) => new()
    {
        TransactionDate = Now,
        InstitutionId = "VN-HN-TVHN",
        PatronIdentifier = patron,
        PatronPassword = pin,
        ItemIdentifier = item,
    };

    public static PatronInformationRequest PatronInformation(string patron, string? pin = null, Sip2SummaryRequest summary = Sip2SummaryRequest.None) => new()
    {
        TransactionDate = Now,
        Summary = summary,
        InstitutionId = "VN-HN-TVHN",
        PatronIdentifier = patron,
        TerminalPassword = string.Empty,
        PatronPassword = pin,
    };

    public static ItemInformationRequest ItemInformation(string item) => new()
    {
        TransactionDate = Now,
        InstitutionId = "VN-HN-TVHN",
        ItemIdentifier = item,
    };
}
