using System.Buffers;
using NetScope.Core.Transports;
using NetScope.Web.Http;

namespace NetScope.Web.Client.Connections;

/// <summary>
/// The consumer a request body producer writes to: holds it to the length it announced (Twisted's
/// <c>LengthEnforcingConsumer</c>) or adds the chunked framing when the length is unknown, and shows each
/// write to the observer.
/// </summary>
internal sealed class RequestBodyWriter : IConsumer
{
    private readonly ITransport _transport;
    private readonly long _length;
    private readonly IHttpExchangeObserver? _observer;
    private readonly Action<Exception> _fail;
    private long _written;
    private bool _disabled;

    public RequestBodyWriter(ITransport transport, long length, IHttpExchangeObserver? observer, Action<Exception> fail)
    {
        _transport = transport;
        _length = length;
        _observer = observer;
        _fail = fail;
    }

    private bool Chunked => _length < 0;

    public void Write(ReadOnlySpan<byte> data)
    {
        if (_disabled || data.IsEmpty)
        {
            return;
        }

        if (!Chunked && _written + data.Length > _length)
        {
            _disabled = true;
            _fail(new InvalidOperationException($"the request body producer wrote more than the {_length} bytes it announced"));
            return;
        }

        _written += data.Length;
        if (!Chunked)
        {
            _transport.Write(data);
            _observer?.RequestBodySent(data);
            return;
        }

        // One write per chunk: size line, data and CRLF together.
        var frame = ArrayPool<byte>.Shared.Rent(data.Length + HttpChunkedEncoder.MaxChunkHeaderLength + 2);
        try
        {
            var length = HttpChunkedEncoder.WriteChunkHeader(frame, data.Length);
            data.CopyTo(frame.AsSpan(length));
            length += data.Length;
            HttpChunkedEncoder.ChunkTerminator.CopyTo(frame.AsSpan(length));
            length += 2;
            _transport.Write(frame.AsSpan(0, length));
            _observer?.RequestBodySent(frame.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
        }
    }

    /// <summary>The producer is registered with the connection by the client itself.</summary>
    /// <exception cref="InvalidOperationException">Always: a body producer must not register itself.</exception>
    public void RegisterProducer(IProducer producer, bool streaming) =>
        throw new InvalidOperationException("The HTTP client registers the request body producer with the connection itself.");

    /// <summary>The producer is unregistered by the client when its Deferred fires.</summary>
    /// <exception cref="InvalidOperationException">Always.</exception>
    public void UnregisterProducer() =>
        throw new InvalidOperationException("The HTTP client unregisters the request body producer itself.");

    /// <summary>Ignores whatever is written from now on (the request is being given up).</summary>
    public void Disable() => _disabled = true;

    /// <summary>The producer is done: checks the length, or ends the chunked body.</summary>
    /// <returns>The error when the producer wrote fewer bytes than it announced, else <see langword="null"/>.</returns>
    public Exception? Finish()
    {
        if (_disabled)
        {
            return null;
        }

        _disabled = true;
        if (!Chunked)
        {
            return _written == _length ? null : new InvalidOperationException($"the request body producer wrote {_written} of the {_length} bytes it announced");
        }

        _transport.Write(HttpChunkedEncoder.LastChunk);
        _observer?.RequestBodySent(HttpChunkedEncoder.LastChunk);
        return null;
    }
}
