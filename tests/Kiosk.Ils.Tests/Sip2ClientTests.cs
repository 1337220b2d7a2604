using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kiosk.Ils.Tests.Support;
using Kiosk.Protocols.Sip2;
using Kiosk.Simulators.Ils;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Ils.Tests;

/// <summary>The SIP2 client against the ILS simulator over real TCP (and TLS) on loopback.</summary>
public sealed class Sip2ClientTests
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Fact]
    public async Task Login_returns_the_ACS_status_with_what_it_supports()
    {
        await using var ils = await IlsFixture.StartAsync();
        var client = ils.Client();

        var status = await client.LoginAsync(Timeout);

        Assert.True(status.OnlineStatus);
        Assert.Equal(ils.Options.InstitutionId, status.InstitutionId);
        Assert.True(status.SupportedMessages.HasFlag(Sip2SupportedMessages.Checkout));
        Assert.Equal(Sip2LinkStatus.Online, client.Status);
        Assert.Equal(ils.Options.LibraryName, client.AcsStatus?.Status.LibraryName);
    }

    [Fact]
    public async Task A_refused_login_is_reported_as_LoginRefused_and_the_link_goes_offline()
    {
        await using var ils = await IlsFixture.StartAsync();
        var client = ils.Client(o => o.Password = "wrong password");

        var failure = await Assert.ThrowsAsync<Sip2Exception>(() => client.LoginAsync(Timeout));

        Assert.Equal(Sip2FailureKind.LoginRefused, failure.Kind);
        Assert.Contains("Kiosk:Sip2:Password", failure.Message, StringComparison.Ordinal);
        Assert.Equal(Sip2LinkStatus.Offline, client.Status);
    }

    [Fact]
    public async Task Patron_information_carries_the_Vietnamese_name_and_the_fines()
    {
        await using var ils = await IlsFixture.StartAsync();
        var client = ils.Client();

        var patron = await client.PatronInformationAsync(IlsSampleData.FinedPatron, IlsSampleData.FinedPin, cancellationToken: Timeout);

        Assert.Equal("Lê Thị Hoa", patron.PersonalName);
        Assert.True(patron.ValidPatronPassword);
        Assert.True(patron.PatronStatus.HasFlag(Sip2PatronStatus.ExcessiveOutstandingFines));
        Assert.Equal("VND", patron.CurrencyType);
    }

    [Fact]
    public async Task A_wrong_PIN_is_reported_as_an_invalid_password()
    {
        await using var ils = await IlsFixture.StartAsync();
        var client = ils.Client();

        var patron = await client.PatronInformationAsync(IlsSampleData.AdultPatron, "0000", cancellationToken: Timeout);

        Assert.False(patron.ValidPatronPassword);
    }

    [Fact]
    public async Task Checkout_then_checkin_moves_the_item_out_and_back()
    {
        await using var ils = await IlsFixture.StartAsync();
        var client = ils.Client();

        var loan = await client.CheckoutAsync(IlsSampleData.AdultPatron, IlsSampleData.AvailableBook, IlsSampleData.AdultPin, cancellationToken: Timeout);
        Assert.True(loan.Ok);
        Assert.Equal(Sip2Indicator.Yes, loan.Desensitize);
        Assert.Equal("Truyện Kiều", loan.TitleIdentifier);
        Assert.Equal(IlsSampleData.AdultPatron, ils.Simulator.Library.FindItem(IlsSampleData.AvailableBook)?.BorrowerIdentifier);

        var back = await client.CheckinAsync(IlsSampleData.AvailableBook, cancellationToken: Timeout);
        Assert.True(back.Ok);
        Assert.True(back.Resensitize);
        Assert.False(ils.Simulator.Library.FindItem(IlsSampleData.AvailableBook)?.IsOnLoan);
    }

    [Fact]
    public async Task Checkout_by_a_blocked_patron_is_refused_and_the_item_stays_secured()
    {
        await using var ils = await IlsFixture.StartAsync();
        var client = ils.Client();

        var loan = await client.CheckoutAsync(IlsSampleData.BlockedPatron, IlsSampleData.AvailableBook, IlsSampleData.BlockedPin, cancellationToken: Timeout);

        Assert.False(loan.Ok);
        Assert.NotEqual(Sip2Indicator.Yes, loan.Desensitize);
        Assert.NotEmpty(loan.ScreenMessages);
    }

    [Fact]
    public async Task Renew_extends_the_loan_and_renew_all_reports_counts()
    {
        await using var ils = await IlsFixture.StartAsync();
        var client = ils.Client();
        await client.CheckoutAsync(IlsSampleData.AdultPatron, IlsSampleData.AvailableBook, IlsSampleData.AdultPin, cancellationToken: Timeout);
        var before = ils.Simulator.Library.FindItem(IlsSampleData.AvailableBook)!.RenewalCount;

        var renewed = await client.RenewAsync(IlsSampleData.AdultPatron, IlsSampleData.AvailableBook, IlsSampleData.AdultPin, cancellationToken: Timeout);
        Assert.True(renewed.Ok);
        Assert.Equal(before + 1, ils.Simulator.Library.FindItem(IlsSampleData.AvailableBook)!.RenewalCount);

        var all = await client.RenewAllAsync(IlsSampleData.AdultPatron, IlsSampleData.AdultPin, cancellationToken: Timeout);
        Assert.True(all.Ok);
        Assert.Equal(before + 2, ils.Simulator.Library.FindItem(IlsSampleData.AvailableBook)!.RenewalCount);
        Assert.Equal(all.RenewedItems.Count, all.RenewedCount);
    }

    [Fact]
    public async Task Fee_paid_reduces_the_fines()
    {
        await using var ils = await IlsFixture.StartAsync();
        var client = ils.Client();
        var before = ils.Simulator.Library.OutstandingFinesOf(IlsSampleData.FinedPatron);

        var paid = await client.FeePaidAsync(IlsSampleData.FinedPatron, "50000", pin: IlsSampleData.FinedPin, cancellationToken: Timeout);

        Assert.True(paid.PaymentAccepted);
        Assert.Equal(before - 50_000, ils.Simulator.Library.OutstandingFinesOf(IlsSampleData.FinedPatron));
    }

    [Fact]
    public async Task Parallel_requests_spread_over_every_pooled_connection()
    {
        await using var ils = await IlsFixture.StartAsync();
        // The ILS holds every request until four are in front of it at once, one on each pooled connection; no clock is read.
        ils.Simulator.Faults.HoldRequests(Sip2Command.ItemInformation);
        var client = ils.Client(o => o.PoolSize = 4);
        var items = ils.Simulator.Library.Items.Take(10).Select(i => i.Identifier).ToList();

        var asking = Task.WhenAll(items.Select(id => client.ItemInformationAsync(id, Timeout)));
        await Wait.UntilAsync(() => ils.Simulator.Faults.HeldCount == 4 || asking.IsCompleted, "four requests at the ILS at once");
        Assert.Equal(4, ils.Simulator.Faults.HeldCount);
        ils.Simulator.Faults.ReleaseHeld();
        var answers = await asking;

        Assert.Equal(items, answers.Select(a => a.ItemIdentifier));
        Assert.Equal(4, client.OpenConnections);
    }

    [Fact]
    public async Task Connections_opened_for_a_busy_moment_close_once_idle_down_to_the_ones_kept_open()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var ils = await IlsFixture.StartAsync();
        ils.Simulator.Faults.SetLatency(TimeSpan.FromMilliseconds(200), Sip2Command.ItemInformation);
        var client = ils.Client(
            o =>
            {
                o.PoolSize = 6;
                o.KeepOpen = 2;
                o.IdleCloseAfter = TimeSpan.FromMinutes(2);
            },
            time);
        var items = ils.Simulator.Library.Items.Take(6).Select(i => i.Identifier).ToList();
        await Task.WhenAll(items.Select(id => client.ItemInformationAsync(id, Timeout)));
        Assert.Equal(6, client.OpenConnections);

        await client.MaintainAsync(Timeout);
        Assert.Equal(6, client.OpenConnections);

        time.Advance(TimeSpan.FromMinutes(2));
        await client.MaintainAsync(Timeout);
        Assert.Equal(2, client.OpenConnections);
        await Wait.UntilAsync(() => ils.Simulator.OpenConnections == 2, "the ILS to see the idle connections closed");
    }

    [Fact]
    public async Task Upkeep_opens_only_the_connections_kept_open()
    {
        await using var ils = await IlsFixture.StartAsync();
        var client = ils.Client(o => o.KeepOpen = 2);

        await client.MaintainAsync(Timeout);

        Assert.Equal(Sip2LinkStatus.Online, client.Status);
        Assert.Equal(2, client.OpenConnections);
    }

    [Fact]
    public async Task An_ILS_that_goes_away_while_the_kiosk_is_idle_shows_as_offline_at_the_next_upkeep_pass()
    {
        await using var ils = await IlsFixture.StartAsync();
        var client = ils.Client(o => o.HeartbeatInterval = TimeSpan.FromHours(1));
        await client.MaintainAsync(Timeout);
        Assert.Equal(Sip2LinkStatus.Online, client.Status);

        // The ILS closes every connection: no request is in flight and no heartbeat is due for an hour.
        await ils.Simulator.StopAsync();
        await Wait.UntilAsync(
            async () =>
            {
                await client.MaintainAsync(Timeout);
                return client.Status == Sip2LinkStatus.Offline;
            },
            "upkeep to find the ILS gone");

        Assert.Equal(0, client.OpenConnections);
        Assert.Contains(ils.Logs.Lines, line => line.Contains("closed by the ILS while idle", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_checksum_is_answered_with_a_resend_request_and_the_call_succeeds()
    {
        await using var ils = await IlsFixture.StartAsync();
        var client = ils.Client();
        await client.LoginAsync(Timeout);
        ils.Simulator.Faults.CorruptChecksums(1);

        var info = await client.ItemInformationAsync(IlsSampleData.AvailableBook, Timeout);

        Assert.Equal("Truyện Kiều", info.TitleIdentifier);
        Assert.Contains(ils.Logs.Lines, line => line.Contains("(97)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(IlsDropMode.BeforeApplying)]
    [InlineData(IlsDropMode.AfterApplying)]
    public async Task A_dropped_checkout_ends_with_exactly_one_loan(IlsDropMode mode)
    {
        await using var ils = await IlsFixture.StartAsync();
        var client = ils.Client();
        await client.LoginAsync(Timeout);
        ils.Simulator.Faults.DropConnection(1, mode, Sip2Command.Checkout);

        var loan = await client.CheckoutAsync(IlsSampleData.AdultPatron, IlsSampleData.AvailableBook, IlsSampleData.AdultPin, cancellationToken: Timeout);

        var item = ils.Simulator.Library.FindItem(IlsSampleData.AvailableBook)!;
        Assert.True(loan.Ok);
        Assert.Equal(Sip2Indicator.Yes, loan.Desensitize);
        Assert.Equal(IlsSampleData.AdultPatron, item.BorrowerIdentifier);

        // A blind resend after the ILS applied the loan would have counted as a renewal.
        Assert.Equal(0, item.RenewalCount);
        Assert.Equal(1, ils.Simulator.HandledCount(Sip2Command.Checkout));
        Assert.Single(ils.Simulator.Library.LoansOf(IlsSampleData.AdultPatron));
    }

    [Fact]
    public async Task A_dropped_checkout_of_an_item_on_loan_to_someone_else_is_refused_and_stays_secured()
    {
        await using var ils = await IlsFixture.StartAsync();
        var client = ils.Client();
        await client.CheckoutAsync(IlsSampleData.HolderPatron, IlsSampleData.SecondAvailableBook, IlsSampleData.HolderPin, cancellationToken: Timeout);
        ils.Simulator.Faults.DropConnection(1, IlsDropMode.BeforeApplying, Sip2Command.Checkout);

        var loan = await client.CheckoutAsync(IlsSampleData.AdultPatron, IlsSampleData.SecondAvailableBook, IlsSampleData.AdultPin, cancellationToken: Timeout);

        // Item information said "charged", so the checkout was not sent again: only the first patron's reached the ILS.
        Assert.Equal(1, ils.Simulator.HandledCount(Sip2Command.Checkout));
        Assert.False(loan.Ok);
        Assert.NotEqual(Sip2Indicator.Yes, loan.Desensitize);
        Assert.Equal(IlsSampleData.HolderPatron, ils.Simulator.Library.FindItem(IlsSampleData.SecondAvailableBook)!.BorrowerIdentifier);
    }

    [Theory]
    [InlineData(IlsDropMode.BeforeApplying)]
    [InlineData(IlsDropMode.AfterApplying)]
    public async Task A_dropped_checkin_ends_with_the_item_returned_and_resensitized(IlsDropMode mode)
    {
        await using var ils = await IlsFixture.StartAsync();
        var client = ils.Client();
        await client.CheckoutAsync(IlsSampleData.AdultPatron, IlsSampleData.AvailableBook, IlsSampleData.AdultPin, cancellationToken: Timeout);
        ils.Simulator.Faults.DropConnection(1, mode, Sip2Command.Checkin);

        var back = await client.CheckinAsync(IlsSampleData.AvailableBook, cancellationToken: Timeout);

        Assert.True(back.Ok);
        Assert.True(back.Resensitize);
        Assert.False(ils.Simulator.Library.FindItem(IlsSampleData.AvailableBook)!.IsOnLoan);
        Assert.Equal(1, ils.Simulator.HandledCount(Sip2Command.Checkin));
    }

    [Fact]
    public async Task A_half_written_answer_to_a_read_is_retried_on_a_fresh_connection()
    {
        await using var ils = await IlsFixture.StartAsync();
        var client = ils.Client();
        await client.LoginAsync(Timeout);
        ils.Simulator.Faults.HalfWrite(1, Sip2Command.PatronInformation);

        var patron = await client.PatronInformationAsync(IlsSampleData.AdultPatron, IlsSampleData.AdultPin, cancellationToken: Timeout);

        Assert.Equal("Nguyễn Văn An", patron.PersonalName);
    }

    [Fact]
    public async Task A_fee_payment_interrupted_after_sending_is_never_sent_twice()
    {
        await using var ils = await IlsFixture.StartAsync();
        var client = ils.Client();
        await client.LoginAsync(Timeout);
        var before = ils.Simulator.Library.OutstandingFinesOf(IlsSampleData.FinedPatron);
        ils.Simulator.Faults.DropConnection(1, IlsDropMode.AfterApplying, Sip2Command.FeePaid);

        var failure = await Assert.ThrowsAsync<Sip2Exception>(
            () => client.FeePaidAsync(IlsSampleData.FinedPatron, "50000", pin: IlsSampleData.FinedPin, cancellationToken: Timeout));

        Assert.True(failure.RequestMayHaveBeenApplied);
        Assert.Equal(before - 50_000, ils.Simulator.Library.OutstandingFinesOf(IlsSampleData.FinedPatron));
    }

    [Fact]
    public async Task An_answer_slower_than_the_timeout_fails_as_Timeout()
    {
        await using var ils = await IlsFixture.StartAsync();
        var client = ils.Client(o =>
        {
            o.RequestTimeout = TimeSpan.FromMilliseconds(200);
            o.MaxRetries = 0;
        });
        await client.LoginAsync(Timeout);
        ils.Simulator.Faults.SetLatency(TimeSpan.FromSeconds(5), Sip2Command.Renew);

        var failure = await Assert.ThrowsAsync<Sip2Exception>(
            () => client.RenewAsync(IlsSampleData.AdultPatron, IlsSampleData.AvailableBook, cancellationToken: Timeout));

        Assert.Equal(Sip2FailureKind.Timeout, failure.Kind);
        Assert.True(failure.RequestMayHaveBeenApplied);
    }

    [Fact]
    public async Task An_unreachable_ILS_fails_fast_and_the_link_comes_back_after_the_backoff()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var port = FreePort();
        var options = new Sip2ClientOptions
        {
            Host = "127.0.0.1",
            Port = port,
            UserId = "kiosk",
            Password = "kiosk-password",
            ReconnectMinDelay = TimeSpan.FromSeconds(2),
        };
        await using var client = new Sip2Client(options, timeProvider: time);

        var first = await Assert.ThrowsAsync<Sip2Exception>(() => client.LoginAsync(Timeout));
        var second = await Assert.ThrowsAsync<Sip2Exception>(() => client.LoginAsync(Timeout));
        Assert.Equal(Sip2FailureKind.Unreachable, first.Kind);
        Assert.Contains("next attempt", second.Message, StringComparison.Ordinal);
        Assert.Equal(Sip2LinkStatus.Offline, client.Status);

        await using var ils = await IlsFixture.StartAsync(o => o.Port = port);
        await client.MaintainAsync(Timeout);
        Assert.Equal(Sip2LinkStatus.Offline, client.Status);

        time.Advance(TimeSpan.FromSeconds(3));
        await client.MaintainAsync(Timeout);
        Assert.Equal(Sip2LinkStatus.Online, client.Status);
    }

    [Fact]
    public async Task An_idle_connection_sends_SC_status_when_the_heartbeat_is_due()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var ils = await IlsFixture.StartAsync();
        var client = ils.Client(
            o =>
            {
                o.HeartbeatInterval = TimeSpan.FromSeconds(30);
                o.PoolSize = 1;
            },
            time);
        await client.LoginAsync(Timeout);
        var statuses = ils.Simulator.HandledCount(Sip2Command.ScStatus);

        await client.MaintainAsync(Timeout);
        Assert.Equal(statuses, ils.Simulator.HandledCount(Sip2Command.ScStatus));

        time.Advance(TimeSpan.FromSeconds(31));
        await client.MaintainAsync(Timeout);
        Assert.Equal(statuses + 1, ils.Simulator.HandledCount(Sip2Command.ScStatus));
    }

    [Fact]
    public async Task The_client_talks_TLS_to_an_ILS_whose_certificate_a_site_CA_signed()
    {
        using var certificate = SelfSignedLocalhost();
        var caFile = Path.Combine(Path.GetTempPath(), $"kiosk-ca-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(caFile, certificate.ExportCertificatePem());
        try
        {
            await using var ils = await IlsFixture.StartAsync(o => o.Certificate = certificate);
            var client = ils.Client(o =>
            {
                o.UseTls = true;
                o.TlsServerName = "localhost";
                o.TlsCaCertificatePath = caFile;
            });

            var loan = await client.CheckoutAsync(IlsSampleData.AdultPatron, IlsSampleData.ThirdAvailableBook, IlsSampleData.AdultPin, cancellationToken: Timeout);

            Assert.True(loan.Ok);
            Assert.Equal("Nỗi buồn chiến tranh", loan.TitleIdentifier);
        }
        finally
        {
            File.Delete(caFile);
        }
    }

    [Fact]
    public async Task A_certificate_no_configured_CA_vouches_for_is_refused()
    {
        using var certificate = SelfSignedLocalhost();
        await using var ils = await IlsFixture.StartAsync(o => o.Certificate = certificate);
        var client = ils.Client(o =>
        {
            o.UseTls = true;
            o.TlsServerName = "localhost";
        });

        var failure = await Assert.ThrowsAsync<Sip2Exception>(() => client.LoginAsync(Timeout));

        Assert.Equal(Sip2FailureKind.Unreachable, failure.Kind);
    }

    [Fact]
    public async Task CRLF_and_no_error_detection_work_when_both_sides_agree()
    {
        await using var ils = await IlsFixture.StartAsync(o =>
        {
            o.Terminator = Sip2Terminator.CarriageReturnLineFeed;
            o.ErrorDetection = false;
        });
        var client = ils.Client(o =>
        {
            o.Terminator = "CRLF";
            o.ErrorDetection = false;
        });

        var info = await client.ItemInformationAsync(IlsSampleData.TwoPartSet, Timeout);

        Assert.Equal("Đất rừng phương Nam (2 tập)", info.TitleIdentifier);
    }

    [Fact]
    public async Task Logs_never_contain_the_PIN_the_passwords_or_the_patron_identifier()
    {
        await using var ils = await IlsFixture.StartAsync();
        var client = ils.Client(o => o.TerminalPassword = "terminal-secret");
        await client.LoginAsync(Timeout);
        ils.Simulator.Faults.CorruptChecksums(1);
        ils.Simulator.Faults.DropConnection(1, IlsDropMode.AfterApplying, Sip2Command.Checkout);

        await client.PatronInformationAsync(IlsSampleData.AdultPatron, IlsSampleData.AdultPin, cancellationToken: Timeout);
        await client.CheckoutAsync(IlsSampleData.AdultPatron, IlsSampleData.AvailableBook, IlsSampleData.AdultPin, cancellationToken: Timeout);

        Assert.NotEmpty(ils.Logs.Lines);
        foreach (var secret in new[] { IlsSampleData.AdultPin, IlsSampleData.AdultPatron, ils.Options.LoginPassword, "terminal-secret", "Nguyễn Văn An" })
        {
            Assert.DoesNotContain(ils.Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_checkout_answered_too_late_is_reconciled_after_the_ILS_finished_not_sent_twice()
    {
        await using var ils = await IlsFixture.StartAsync();
        var client = ils.Client(o =>
        {
            o.RequestTimeout = TimeSpan.FromSeconds(1);
            o.MaxRetries = 0;
        });
        await client.LoginAsync(Timeout);
        ils.Simulator.Faults.SetLatency(TimeSpan.FromMilliseconds(1500), Sip2Command.Checkout);

        var loan = await client.CheckoutAsync(IlsSampleData.AdultPatron, IlsSampleData.AvailableBook, IlsSampleData.AdultPin, cancellationToken: Timeout);

        Assert.True(loan.Ok);
        Assert.Equal(Sip2Indicator.Yes, loan.Desensitize);
        Assert.Equal(1, ils.Simulator.HandledCount(Sip2Command.Checkout));
        Assert.Equal(0, ils.Simulator.Library.FindItem(IlsSampleData.AvailableBook)!.RenewalCount);
    }

    [Fact]
    public async Task A_checkout_sent_twice_is_refused_as_already_yours_never_renewed()
    {
        await using var ils = await IlsFixture.StartAsync();
        var client = ils.Client();
        await client.CheckoutAsync(IlsSampleData.AdultPatron, IlsSampleData.AvailableBook, IlsSampleData.AdultPin, cancellationToken: Timeout);

        var again = await client.CheckoutAsync(IlsSampleData.AdultPatron, IlsSampleData.AvailableBook, IlsSampleData.AdultPin, cancellationToken: Timeout);

        Assert.False(again.Ok);
        Assert.True(again.RenewalOk);
        Assert.Equal(Sip2Indicator.No, again.Desensitize);
        Assert.Equal(0, ils.Simulator.Library.FindItem(IlsSampleData.AvailableBook)!.RenewalCount);
    }

    [Fact]
    public async Task A_request_cancelled_in_flight_says_it_may_have_been_applied_and_the_next_answer_is_its_own()
    {
        await using var ils = await IlsFixture.StartAsync();
        var client = ils.Client(o => o.PoolSize = 1);
        await client.LoginAsync(Timeout);
        // Held at the ILS until after the cancel, so the answer cannot win the race, however slow the machine.
        ils.Simulator.Faults.HoldRequests(Sip2Command.ItemInformation);
        using var soon = new CancellationTokenSource();

        var asking = client.ItemInformationAsync(IlsSampleData.AvailableBook, soon.Token);
        await Wait.UntilAsync(() => ils.Simulator.Faults.HeldCount == 1 || asking.IsCompleted, "the request to reach the ILS");
        await soon.CancelAsync();
        var cancelled = await Assert.ThrowsAsync<Sip2Exception>(() => asking);
        ils.Simulator.Faults.Clear();
        var next = await client.ItemInformationAsync(IlsSampleData.TwoPartSet, Timeout);

        Assert.Equal(Sip2FailureKind.Cancelled, cancelled.Kind);
        Assert.True(cancelled.RequestMayHaveBeenApplied);
        Assert.Equal(IlsSampleData.TwoPartSet, next.ItemIdentifier);
    }

    [Fact]
    public async Task Disposing_the_client_ends_a_request_in_flight_and_refuses_new_ones()
    {
        await using var ils = await IlsFixture.StartAsync();
        var client = ils.Client(o => o.PoolSize = 1);
        await client.LoginAsync(Timeout);
        ils.Simulator.Faults.SetLatency(TimeSpan.FromSeconds(3), Sip2Command.PatronStatus);

        var inFlight = client.PatronStatusAsync(IlsSampleData.AdultPatron, IlsSampleData.AdultPin, Timeout);
        await client.DisposeAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => inFlight);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.ItemInformationAsync(IlsSampleData.AvailableBook, Timeout));
    }

    [Fact]
    public async Task A_failing_status_subscriber_does_not_fail_the_request()
    {
        await using var ils = await IlsFixture.StartAsync();
        var client = ils.Client();
        client.StatusChanged += (_, _) => throw new InvalidOperationException("a buggy screen");

        var status = await client.LoginAsync(Timeout);

        Assert.True(status.OnlineStatus);
        Assert.Contains(ils.Logs.Lines, line => line.Contains("subscriber", StringComparison.Ordinal));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static X509Certificate2 SelfSignedLocalhost()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, false, 0, true));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));

        // SslStream on Linux wants a certificate whose key came from a PKCS#12 import.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), password: null);
    }
}
