using System.Threading.Tasks.Sources;

namespace NetScope.Core.Tls;

/// <summary>
/// The in-memory duplex stream under the <see cref="System.Net.Security.SslStream"/>: the engine's
/// equivalent of OpenSSL's memory BIO pair. Reads are served from ciphertext the engine received; when
/// there is none the read stays pending, and <see cref="TryCompletePendingRead"/> later completes it
/// synchronously so that SslStream continues inline on the engine's thread. Writes go straight to the
/// engine's outbound path and always complete synchronously.
/// </summary>
/// <remarks>
/// If SslStream ever calls in from another thread (.NET resumes a continuation on the thread pool when a
/// stack runs too deep), the call is not served there: it stays pending and the engine is asked to
/// finish it through the host's Post, which moves SslStream back to the engine's thread.
/// </remarks>
internal sealed class TlsBio : Stream, IValueTaskSource<int>, IValueTaskSource
{
    private readonly ITlsBioOwner _owner;
    private readonly ByteQueue _inbound = new(16 * 1024);
    private ManualResetValueTaskSourceCore<int> _readSource;
    private ManualResetValueTaskSourceCore<bool> _writeSource;
    private Memory<byte> _pendingReadBuffer;
    private bool _readPending;
    private bool _endOfStream;
    private bool _closed;

    public TlsBio(ITlsBioOwner owner)
    {
        _owner = owner;
        _readSource.RunContinuationsAsynchronously = false;
        _writeSource.RunContinuationsAsynchronously = false;
    }

    /// <summary>Ciphertext received and not yet consumed by SslStream.</summary>
    public int BufferedBytes => _inbound.Count;

    /// <summary>True once SslStream has been handed the end of the stream (a read returned 0).</summary>
    public bool EndOfStreamDelivered { get; private set; }

    public bool ReadPending => _readPending;

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public void AppendInbound(ReadOnlySpan<byte> ciphertext) => _inbound.Append(ciphertext);

    /// <summary>The network side reached its end: reads return 0 once the buffer is drained.</summary>
    public void SetEndOfStream() => _endOfStream = true;

    /// <summary>
    /// Completes the pending read if there is data or the stream has ended. SslStream's continuation runs
    /// inside this call. Returns true when a read was completed.
    /// </summary>
    public bool TryCompletePendingRead()
    {
        if (!_readPending)
        {
            return false;
        }

        int n;
        if (_inbound.Count > 0)
        {
            n = _inbound.Read(_pendingReadBuffer.Span);
        }
        else if (_endOfStream || _closed)
        {
            n = 0;
            EndOfStreamDelivered = true;
        }
        else
        {
            return false;
        }

        _readPending = false;
        _pendingReadBuffer = default;
        _readSource.SetResult(n);
        return true;
    }

    /// <summary>Stops the flow both ways: a pending read ends with 0 and later writes are dropped.</summary>
    public void CloseForEngine()
    {
        _closed = true;
        _inbound.Clear();
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_readPending)
        {
            throw new InvalidOperationException("SslStream issued two concurrent reads.");
        }

        var onEngineThread = _owner.IsOnEngineThread;
        if (onEngineThread)
        {
            if (_inbound.Count > 0)
            {
                return new ValueTask<int>(_inbound.Read(buffer.Span));
            }

            if (_endOfStream || _closed)
            {
                EndOfStreamDelivered = true;
                return new ValueTask<int>(0);
            }
        }

        _readSource.Reset();
        _pendingReadBuffer = buffer;
        _readPending = true;
        if (!onEngineThread)
        {
            _owner.PostPump();
        }

        return new ValueTask<int>(this, _readSource.Version);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <summary>Synchronous reads cannot wait, so they only serve buffered data; the engine never issues them.</summary>
    public override int Read(Span<byte> buffer)
    {
        if (_inbound.Count > 0)
        {
            return _inbound.Read(buffer);
        }

        if (_endOfStream || _closed)
        {
            EndOfStreamDelivered = true;
            return 0;
        }

        throw new InvalidOperationException("The TLS engine's stream cannot block; use ReadAsync.");
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_closed)
        {
            return default;
        }

        if (_owner.IsOnEngineThread)
        {
            _owner.CiphertextOut(buffer.Span);
            return default;
        }

        // Off the engine's thread: copy (the caller's buffer may be reused) and send from the engine's thread.
        var copy = buffer.ToArray();
        _writeSource.Reset();
        var version = _writeSource.Version;
        _owner.Post(() =>
        {
            if (!_closed)
            {
                _owner.CiphertextOut(copy);
            }

            _writeSource.SetResult(true);
        });
        return new ValueTask(this, version);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_closed)
        {
            return;
        }

        if (!_owner.IsOnEngineThread)
        {
            throw new InvalidOperationException("The TLS engine's stream was written synchronously from another thread.");
        }

        _owner.CiphertextOut(buffer);
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    int IValueTaskSource<int>.GetResult(short token) => _readSource.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<int>.GetStatus(short token) => _readSource.GetStatus(token);

    void IValueTaskSource<int>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _readSource.OnCompleted(continuation, state, token, flags);

    void IValueTaskSource.GetResult(short token) => _writeSource.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _writeSource.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _writeSource.OnCompleted(continuation, state, token, flags);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CloseForEngine();
        }

        base.Dispose(disposing);
    }
}
