using Kiosk.Ils.Channels;
using Kiosk.Protocols.Sip2;
using Kiosk.Protocols.Sip2.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kiosk.Ils;

/// <summary>
/// The SIP2 client: a pool of connections, the typed API, and the rule that a checkout or checkin interrupted by a drop
/// is never sent again blindly. Call <see cref="MaintainAsync"/> periodically (the hosted service does) to keep idle
/// connections alive with SC Status and to reconnect with backoff after an outage.
/// </summary>
public sealed class Sip2Client : ISip2Client, IAsyncDisposable
{
    private readonly Sip2ResolvedSettings _settings;
    private readonly Sip2ConnectionPool _pool;
    private readonly Sip2RequestBuilder _requests;
    private readonly Sip2RequestSender _sender;
    private readonly Sip2Reconciler _reconciler;

    /// <summary>Creates a client. Nothing connects until the first request or <see cref="MaintainAsync"/>.</summary>
    /// <param name="options">Where the ILS is and how to talk to it.</param>
    /// <param name="logger">Where the client logs; nothing it logs carries a PIN, a password or a patron identifier.</param>
    /// <param name="timeProvider">The clock for timeouts, heartbeats, backoff and transaction dates.</param>
    /// <param name="channelFactory">Creates the channels the connections talk over; by default TCP, or TLS when the options ask.</param>
    /// <exception cref="ArgumentException">An option is invalid; the message names the configuration key and the fix.</exception>
    public Sip2Client(
        Sip2ClientOptions options,
        ILogger<Sip2Client>? logger = null,
        TimeProvider? timeProvider = null,
        ISip2ChannelFactory? channelFactory = null)
    {
        _settings = Sip2ResolvedSettings.Resolve(options);
        ILogger log = logger ?? NullLogger<Sip2Client>.Instance;
        var time = timeProvider ?? TimeProvider.System;
        _pool = new Sip2ConnectionPool(_settings, channelFactory ?? new TcpSip2ChannelFactory(log), log, time);
        _pool.StatusChanged += (status, reason) => StatusChanged?.Invoke(this, new Sip2LinkStatusChangedEventArgs(status, reason));
        _pool.AcsStatusChanged += status => AcsStatusChanged?.Invoke(this, status);
        _requests = new Sip2RequestBuilder(_settings, time);
        _sender = new Sip2RequestSender(_pool, _settings.Options, log);
        _reconciler = new Sip2Reconciler(_sender, _requests, _settings.Options, log, time);
    }

    /// <summary>Creates a client from DI.</summary>
    public Sip2Client(
        IOptions<Sip2ClientOptions> options, ILogger<Sip2Client> logger, TimeProvider timeProvider, ISip2ChannelFactory channelFactory)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value, logger, timeProvider, channelFactory)
    {
    }

    /// <inheritdoc/>
    public event EventHandler<Sip2LinkStatusChangedEventArgs>? StatusChanged;

    /// <inheritdoc/>
    public event EventHandler<AcsStatusResponseSnapshot>? AcsStatusChanged;

    /// <inheritdoc/>
    public Sip2LinkStatus Status => _pool.Status;

    /// <inheritdoc/>
    public AcsStatusResponseSnapshot? AcsStatus => _pool.LastAcsStatus;

    /// <summary>What the kiosk reports in SC Status (99) and its heartbeats, such as a printer out of paper.</summary>
    public Sip2ScStatusCode ReportedStatus => _pool.ScStatus;

    /// <summary>The dialect profile in use.</summary>
    public Sip2DialectProfile Profile => _settings.Profile;

    /// <summary>How many pooled connections are open now.</summary>
    public int OpenConnections => _pool.OpenConnections;

    /// <summary>The pool's configured and effective size: fewer connections when the ILS would not log more in.</summary>
    public Sip2PoolStatus Pool => _pool.PoolStatus;

    /// <summary>Why the link has its <see cref="Status"/>, in words a technician can act on.</summary>
    public string StatusReason => _pool.StatusReason;

    /// <summary>One pass of upkeep: heartbeat idle connections and reconnect closed ones once the backoff allows.</summary>
    public Task MaintainAsync(CancellationToken cancellationToken = default) => _pool.MaintainAsync(cancellationToken);

    /// <inheritdoc/>
    public async Task<AcsStatusResponse> LoginAsync(CancellationToken cancellationToken = default) =>
        await _pool.RunAsync(
            async (connection, ct) => connection.AcsStatus?.Status ?? await connection.StatusAsync(_pool.ScStatus, ct).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task<AcsStatusResponse> ScStatusAsync(Sip2ScStatusCode status, CancellationToken cancellationToken = default)
    {
        _pool.ScStatus = status;
        return await _pool.RunAsync((connection, ct) => connection.StatusAsync(status, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task<PatronInformationResponse> PatronInformationAsync(
        string patronIdentifier,
        string? pin = null,
        Sip2SummaryRequest summary = Sip2SummaryRequest.None,
        int? startItem = null,
        int? endItem = null,
        CancellationToken cancellationToken = default) =>
        _sender.SendTypedAsync<PatronInformationResponse>(
            _requests.PatronInformation(patronIdentifier, pin, summary, startItem, endItem), cancellationToken);

    /// <inheritdoc/>
    public Task<PatronStatusResponse> PatronStatusAsync(string patronIdentifier, string? pin = null, CancellationToken cancellationToken = default) =>
        _sender.SendTypedAsync<PatronStatusResponse>(_requests.PatronStatus(patronIdentifier, pin), cancellationToken);

    /// <inheritdoc/>
    public async Task<CheckoutResponse> CheckoutAsync(
        string patronIdentifier,
        string itemIdentifier,
        string? pin = null,
        bool feeAcknowledged = false,
        DateTimeOffset? offlineTransactionDate = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(patronIdentifier);
        ArgumentException.ThrowIfNullOrEmpty(itemIdentifier);
        var request = _requests.Checkout(patronIdentifier, itemIdentifier, pin, feeAcknowledged, offlineTransactionDate);
        try
        {
            return Safe(await _sender.SendOnceAsync<CheckoutResponse>(request, cancellationToken).ConfigureAwait(false));
        }
        catch (Sip2Exception ex) when (ex.RequestMayHaveBeenApplied && ex.Kind != Sip2FailureKind.Cancelled)
        {
            return Safe(await _reconciler.CheckoutAsync(request, ex, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <inheritdoc/>
    public async Task<CheckinResponse> CheckinAsync(string itemIdentifier, DateTimeOffset? offlineReturnDate = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(itemIdentifier);
        var request = _requests.Checkin(itemIdentifier, offlineReturnDate);
        try
        {
            return await _sender.SendOnceAsync<CheckinResponse>(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Sip2Exception ex) when (ex.RequestMayHaveBeenApplied && ex.Kind != Sip2FailureKind.Cancelled)
        {
            return await _reconciler.CheckinAsync(request, ex, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public Task<RenewResponse> RenewAsync(
        string patronIdentifier, string itemIdentifier, string? pin = null, bool feeAcknowledged = false, CancellationToken cancellationToken = default) =>
        _sender.SendOnceAsync<RenewResponse>(_requests.Renew(patronIdentifier, itemIdentifier, pin, feeAcknowledged), cancellationToken);

    /// <inheritdoc/>
    public Task<RenewAllResponse> RenewAllAsync(string patronIdentifier, string? pin = null, bool feeAcknowledged = false, CancellationToken cancellationToken = default) =>
        _sender.SendOnceAsync<RenewAllResponse>(_requests.RenewAll(patronIdentifier, pin, feeAcknowledged), cancellationToken);

    /// <inheritdoc/>
    public Task<ItemInformationResponse> ItemInformationAsync(string itemIdentifier, CancellationToken cancellationToken = default) =>
        _sender.SendTypedAsync<ItemInformationResponse>(_requests.ItemInformation(itemIdentifier), cancellationToken);

    /// <inheritdoc/>
    public Task<ItemStatusUpdateResponse> ItemStatusUpdateAsync(string itemIdentifier, string itemProperties, CancellationToken cancellationToken = default) =>
        _sender.SendTypedAsync<ItemStatusUpdateResponse>(_requests.ItemStatusUpdate(itemIdentifier, itemProperties), cancellationToken);

    /// <inheritdoc/>
    public Task<FeePaidResponse> FeePaidAsync(
        string patronIdentifier,
        string amount,
        Sip2FeeType feeType = Sip2FeeType.OtherOrUnknown,
        Sip2PaymentType paymentType = Sip2PaymentType.Cash,
        string currency = "VND",
        string? feeIdentifier = null,
        string? transactionId = null,
        string? pin = null,
        CancellationToken cancellationToken = default) =>
        _sender.SendOnceIfSupportedAsync<FeePaidResponse>(
            _requests.FeePaid(patronIdentifier, amount, feeType, paymentType, currency, feeIdentifier, transactionId, pin),
            Sip2SupportedMessages.FeePaid,
            cancellationToken);

    /// <inheritdoc/>
    public Task<HoldResponse> HoldAsync(
        Sip2HoldMode mode,
        string patronIdentifier,
        string? itemIdentifier = null,
        string? titleIdentifier = null,
        string? pickupLocation = null,
        string? pin = null,
        CancellationToken cancellationToken = default) =>
        _sender.SendOnceAsync<HoldResponse>(
            _requests.Hold(mode, patronIdentifier, itemIdentifier, titleIdentifier, pickupLocation, pin), cancellationToken);

    /// <inheritdoc/>
    public Task<EndSessionResponse> EndPatronSessionAsync(string patronIdentifier, string? pin = null, CancellationToken cancellationToken = default) =>
        _sender.SendTypedAsync<EndSessionResponse>(_requests.EndPatronSession(patronIdentifier, pin), cancellationToken);

    /// <inheritdoc/>
    public Task<PatronStatusResponse> BlockPatronAsync(string patronIdentifier, string reason, bool cardRetained = false, CancellationToken cancellationToken = default) =>
        _sender.SendOnceAsync<PatronStatusResponse>(_requests.BlockPatron(patronIdentifier, reason, cardRetained), cancellationToken);

    /// <inheritdoc/>
    public Task<Sip2Message> SendAsync(Sip2Message request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Sip2ResponseCommands.IsIdempotent(request.Command)
            ? _sender.SendTypedAsync<Sip2Message>(request, cancellationToken)
            : _sender.SendOnceAsync<Sip2Message>(request, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _pool.DisposeAsync();

    /// <summary>Desensitize only with a loan: an answer that refuses the loan never switches security off.</summary>
    private static CheckoutResponse Safe(CheckoutResponse response) =>
        !response.Ok && response.Desensitize != Sip2Indicator.No ? response with { Desensitize = Sip2Indicator.No } : response;
}
