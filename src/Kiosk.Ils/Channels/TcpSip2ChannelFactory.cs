using Microsoft.Extensions.Logging;

namespace Kiosk.Ils.Channels;

/// <summary>The default channels: TCP, wrapped in TLS when the endpoint asks for it.</summary>
/// <param name="logger">Where a rejected server certificate is reported.</param>
internal sealed class TcpSip2ChannelFactory(ILogger logger) : ISip2ChannelFactory
{
    public ISip2Channel Create(Sip2Endpoint endpoint, int connectionId)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var tcp = new TcpSip2Channel(endpoint);
        return endpoint.UseTls ? new TlsSip2Channel(tcp, endpoint, connectionId, logger) : tcp;
    }
}
