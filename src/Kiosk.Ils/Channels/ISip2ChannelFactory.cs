namespace Kiosk.Ils.Channels;

/// <summary>
/// Creates the channels the SIP2 client's connections talk over. The default opens TCP, wrapped in TLS when the endpoint
/// says so; a test or a simulator registers its own to stand in without a port.
/// </summary>
public interface ISip2ChannelFactory
{
    /// <summary>Creates a channel to <paramref name="endpoint"/>, not yet connected.</summary>
    /// <param name="endpoint">Where the ILS is, and whether and how to use TLS.</param>
    /// <param name="connectionId">The pooled connection the channel serves, for log messages.</param>
    ISip2Channel Create(Sip2Endpoint endpoint, int connectionId);
}
