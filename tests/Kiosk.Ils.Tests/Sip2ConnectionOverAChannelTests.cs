using System.Net.Sockets;
using System.Security.Authentication;
using Kiosk.Ils.Channels;
using Kiosk.Ils.Tests.Support;
using Kiosk.Protocols.Sip2;
using Kiosk.Protocols.Sip2.Messages;
using Microsoft.Extensions.DependencyInjection;

namespace Kiosk.Ils.Tests;

/// <summary>The connection adapter over an injected channel: a scripted ILS in memory, no TCP port.</summary>
public sealed class Sip2ConnectionOverAChannelTests
{
    private const string Patron = "P0001";
    private const string Book = "B0001";

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Fact]
    public async Task Login_and_a_checkout_work_over_an_in_memory_channel_without_a_port()
    {
        var ils = new ScriptedIls(Library);
        await using var client = new Sip2Client(Options(), channelFactory: ils);

        var status = await client.LoginAsync(Timeout);
        var loan = await client.CheckoutAsync(Patron, Book, "1234", cancellationToken: Timeout);

        Assert.True(status.OnlineStatus);
        Assert.Equal(Sip2LinkStatus.Online, client.Status);
        Assert.True(loan.Ok);
        Assert.Equal(Sip2Indicator.Yes, loan.Desensitize);
        Assert.Equal("Truyện Kiều", loan.TitleIdentifier);
        Assert.Equal(1, ils.ChannelsCreated);
        Assert.Equal([Sip2Command.Login, Sip2Command.ScStatus, Sip2Command.Checkout], ils.Received.Select(request => request.Command));
        Assert.Equal("kiosk", Assert.IsType<LoginRequest>(ils.Received.First()).UserId);
    }

    [Fact]
    public async Task A_refused_login_over_a_channel_is_LoginRefused_naming_the_settings()
    {
        var ils = new ScriptedIls(Library);
        await using var client = new Sip2Client(Options(o => o.Password = "wrong"), channelFactory: ils);

        var failure = await Assert.ThrowsAsync<Sip2Exception>(() => client.LoginAsync(Timeout));

        Assert.Equal(Sip2FailureKind.LoginRefused, failure.Kind);
        Assert.Contains("Kiosk:Sip2:Password", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, client.OpenConnections);
    }

    [Theory]
    [InlineData("refused")]
    [InlineData("io")]
    [InlineData("tls")]
    public async Task A_channel_that_cannot_connect_fails_as_Unreachable_naming_what_to_check(string how)
    {
        Exception cause = how switch
        {
            "refused" => new SocketException((int)SocketError.ConnectionRefused),
            "io" => new IOException("the network is down"),
            _ => new AuthenticationException("the server's certificate was rejected"),
        };
        var ils = new ScriptedIls(Library) { ConnectFailure = cause };
        await using var client = new Sip2Client(Options(), channelFactory: ils);

        var failure = await Assert.ThrowsAsync<Sip2Exception>(() => client.LoginAsync(Timeout));

        Assert.Equal(Sip2FailureKind.Unreachable, failure.Kind);
        Assert.Same(cause, failure.InnerException);
        Assert.Contains("in-memory ILS", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Check Kiosk:Sip2:Host and Port", failure.Message, StringComparison.Ordinal);
        Assert.Equal(Sip2LinkStatus.Offline, client.Status);
    }

    [Fact]
    public async Task A_channel_the_ILS_closes_after_the_request_was_sent_fails_as_ConnectionLost_that_may_have_been_applied()
    {
        var ils = new ScriptedIls(request => request is RenewRequest ? null : Library(request));
        await using var client = new Sip2Client(Options(), channelFactory: ils);
        await client.LoginAsync(Timeout);

        var failure = await Assert.ThrowsAsync<Sip2Exception>(() => client.RenewAsync(Patron, Book, cancellationToken: Timeout));

        Assert.Equal(Sip2FailureKind.ConnectionLost, failure.Kind);
        Assert.True(failure.RequestMayHaveBeenApplied);
        Assert.Contains("in-memory ILS", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, client.OpenConnections);
    }

    [Fact]
    public async Task AddSip2Client_uses_a_channel_factory_registered_before_it()
    {
        var ils = new ScriptedIls(Library);
        await using var provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton<ISip2ChannelFactory>(ils)
            .AddSip2Client(o => Configure(o))
            .BuildServiceProvider();

        var status = await provider.GetRequiredService<ISip2Client>().LoginAsync(Timeout);

        Assert.True(status.OnlineStatus);
        Assert.Equal(1, ils.ChannelsCreated);
    }

    [Fact]
    public async Task AddSip2Client_talks_TCP_by_default_and_TLS_when_the_options_ask()
    {
        await using var provider = new ServiceCollection().AddLogging().AddSip2Client(o => o.Host = "127.0.0.1").BuildServiceProvider();
        var factory = provider.GetRequiredService<ISip2ChannelFactory>();

        await using var tcp = factory.Create(new Sip2Endpoint { Host = "ils.example", Port = 6001 }, 1);
        await using var tls = factory.Create(new Sip2Endpoint { Host = "ils.example", Port = 6001, UseTls = true }, 2);

        Assert.IsType<TcpSip2ChannelFactory>(factory);
        Assert.False(tcp.IsTls);
        Assert.True(tls.IsTls);
        Assert.Equal("ils.example:6001", tls.Endpoint);
    }

    private static Sip2ClientOptions Options(Action<Sip2ClientOptions>? configure = null)
    {
        var options = new Sip2ClientOptions();
        Configure(options);
        configure?.Invoke(options);
        return options;
    }

    private static void Configure(Sip2ClientOptions options)
    {
        options.Host = "ils.invalid";
        options.UserId = "kiosk";
        options.Password = "secret";
        options.InstitutionId = "HNLIB";

        // One connection, so every request in a test goes over the same channel.
        options.PoolSize = 1;
        options.KeepOpen = 1;
    }

    /// <summary>The scripted ILS: one login, on-line, and every checkout granted.</summary>
    private static Sip2Message? Library(Sip2Message request) => request switch
    {
        LoginRequest login => new LoginResponse { Ok = login.UserId == "kiosk" && login.Password == "secret" },
        ScStatusRequest => new AcsStatusResponse
        {
            OnlineStatus = true,
            CheckinOk = true,
            CheckoutOk = true,
            InstitutionId = "HNLIB",
            SupportedMessages = Sip2SupportedMessages.All,
        },
        CheckoutRequest checkout => new CheckoutResponse
        {
            Ok = true,
            Desensitize = Sip2Indicator.Yes,
            TransactionDate = Sip2Timestamp.Local(new DateTime(2025, 3, 1, 10, 0, 0, DateTimeKind.Local)),
            InstitutionId = checkout.InstitutionId,
            PatronIdentifier = checkout.PatronIdentifier,
            ItemIdentifier = checkout.ItemIdentifier,
            TitleIdentifier = "Truyện Kiều",
            DueDate = "20250315",
        },
        _ => null,
    };
}
