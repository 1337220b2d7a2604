using System.Threading.Channels;
using Kiosk.Ils.Channels;
using Kiosk.Protocols.Sip2;

namespace Kiosk.Ils.Tests.Support;

/// <summary>A channel with no socket: what the client writes goes to a <see cref="ScriptedIls"/>; its answers come back as bytes.</summary>
internal sealed class InMemorySip2Channel(ScriptedIls ils) : ISip2Channel
{
    private readonly Channel<byte[]> _fromIls = Channel.CreateUnbounded<byte[]>();
    private readonly Sip2FrameDecoder _ilsDecoder = new(ils.Codec);
    private readonly Sip2Encoder _ilsEncoder = new(ils.Codec);
    private ReadOnlyMemory<byte> _unread;
    private bool _disposed;

    public string Endpoint => "in-memory ILS";

    public bool IsTls => false;

    public Task ConnectAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ils.ConnectFailure is { } failure ? Task.FromException(failure) : Task.CompletedTask;
    }

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_unread.IsEmpty)
        {
            if (!await _fromIls.Reader.WaitToReadAsync(cancellationToken) || !_fromIls.Reader.TryRead(out var chunk))
            {
                return 0;
            }

            _unread = chunk;
        }

        var count = Math.Min(buffer.Length, _unread.Length);
        _unread[..count].CopyTo(buffer);
        _unread = _unread[count..];
        return count;
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _ilsDecoder.Feed(bytes.Span);
        while (_ilsDecoder.TryRead(out var frame))
        {
            if (frame.Message is null)
            {
                continue;
            }

            if (ils.Answer(frame.Message) is not { } answer)
            {
                _fromIls.Writer.TryComplete();
                break;
            }

            _fromIls.Writer.TryWrite(_ilsEncoder.Encode(answer, frame.SequenceNumber ?? 0));
        }

        return ValueTask.CompletedTask;
    }

    public bool PeerHasClosed() => _fromIls.Reader.Completion.IsCompleted;

    public ValueTask DisposeAsync()
    {
        _disposed = true;
        _fromIls.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }
}
