using System.Buffers;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;
using NetScope.Core.Reactor;
using NetScope.Core.Transports;

namespace NetScope.Web.Server.Static;

/// <summary>
/// Sends a byte range of an open file as a request's body, one chunk at a time, written on the reactor thread.
/// A chunk the page cache holds is read at once without waiting (<see cref="CachedRead"/>); any other is read
/// on the reactor's thread pool (everything is read inline when the site has no pool). The next read starts as
/// soon as a chunk is written, unless the connection paused the producer, so disk and network overlap while
/// memory stays at about one chunk plus the connection's write buffer.
/// </summary>
internal sealed class FileProducer : IPushProducer
{
    private readonly Request _request;
    private readonly SafeFileHandle _file;
    private readonly IReactorThreads? _threads;
    private readonly int _chunkSize;
    private readonly bool _readCachedInline;
    private readonly ILogger _logger;
    private readonly string _path;
    private long _position;
    private long _remaining;
    private byte[]? _ready;
    private int _readyCount;
    private bool _paused;
    private bool _reading;
    private bool _stopped;
    private bool _pumping;
    private bool _closed;

    public FileProducer(
        Request request,
        SafeFileHandle file,
        long offset,
        long length,
        IReactorThreads? threads,
        StaticFileOptions options,
        ILogger logger,
        string path)
    {
        _request = request;
        _file = file;
        _position = offset;
        _remaining = length;
        _threads = threads;
        _chunkSize = options.ChunkSize;
        _readCachedInline = options.ReadCachedDataInline;
        _logger = logger;
        _path = path;
    }

    /// <summary>Starts sending, with the first chunk if it was read already (the buffer then belongs to the producer).</summary>
    public void Start(byte[]? firstChunk, int firstChunkLength)
    {
        if (firstChunk is not null)
        {
            _ready = firstChunk;
            _readyCount = firstChunkLength;
        }

        Pump();
    }

    public void PauseProducing() => _paused = true;

    public void ResumeProducing()
    {
        _paused = false;
        Pump();
    }

    public void StopProducing()
    {
        _stopped = true;
        if (!_reading)
        {
            Close();
        }
    }

    private void Pump()
    {
        if (_pumping)
        {
            return;
        }

        _pumping = true;
        try
        {
            while (!_paused && !_stopped && !_reading && _remaining > 0)
            {
                if (_ready is { } chunk)
                {
                    _ready = null;
                    Deliver(chunk, _readyCount);
                    continue;
                }

                var count = (int)Math.Min(_chunkSize, _remaining);
                var buffer = ArrayPool<byte>.Shared.Rent(count);
                int read;
                try
                {
                    if (_threads is not null)
                    {
                        // Cached data is copied here at once; only a read that would wait for the disk leaves the reactor.
                        if (!_readCachedInline || !CachedRead.TryRead(_file, buffer.AsSpan(0, count), _position, out read))
                        {
                            StartRead(buffer, count);
                            return;
                        }
                    }
                    else
                    {
                        read = RandomAccess.Read(_file, buffer.AsSpan(0, count), _position);
                    }
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    Fail(buffer, exception);
                    return;
                }

                if (read <= 0)
                {
                    Fail(buffer, new IOException("The file shrank while it was being sent."));
                    return;
                }

                Deliver(buffer, read);
            }

            if (_remaining == 0 && !_stopped && !_closed)
            {
                Close();
                _request.UnregisterProducer();
                if (!_request.Finished)
                {
                    _request.Finish();
                }
            }
        }
        finally
        {
            _pumping = false;
        }
    }

    private void StartRead(byte[] buffer, int count)
    {
        _reading = true;
        var file = _file;
        var position = _position;
        _threads!.DeferToThread(() => RandomAccess.Read(file, buffer.AsSpan(0, count), position)).AddCallbacks(
            read =>
            {
                OnRead(buffer, (int)read!);
                return null;
            },
            failure =>
            {
                _reading = false;
                Fail(buffer, failure.Value);
                return null;
            });
    }

    private void OnRead(byte[] buffer, int read)
    {
        _reading = false;
        if (_stopped)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            Close();
            return;
        }

        if (read <= 0)
        {
            Fail(buffer, new IOException("The file shrank while it was being sent."));
            return;
        }

        _ready = buffer;
        _readyCount = read;
        Pump();
    }

    private void Deliver(byte[] buffer, int count)
    {
        _position += count;
        _remaining -= count;
        try
        {
            _request.Write(buffer.AsSpan(0, count));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Fail(byte[] buffer, Exception exception)
    {
        ArrayPool<byte>.Shared.Return(buffer);
        if (_stopped)
        {
            Close();
            return;
        }

        ServerLog.FileReadFailed(_logger, exception, _path);
        _stopped = true;
        Close();
        _request.UnregisterProducer();

        // The head is out, so this drops the connection: the client sees a short body, never a wrong one.
        _request.ProcessingFailed(exception);
    }

    private void Close()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        _file.Dispose();
        if (_ready is { } chunk)
        {
            _ready = null;
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
