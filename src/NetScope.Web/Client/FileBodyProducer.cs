using System.Buffers;
using NetScope.Core.Defer;
using NetScope.Core.Time;
using NetScope.Core.Transports;

namespace NetScope.Web.Client;

/// <summary>
/// Sends a stream (typically a file) as a request body (Twisted's <c>FileBodyProducer</c>): it reads a chunk
/// at a time on the reactor thread, a few chunks per turn of the loop, and stops while the connection's send
/// buffer is full. The stream is closed when the body has been sent or producing stops.
/// </summary>
public sealed class FileBodyProducer : IHttpBodyProducer
{
    /// <summary>The chunks written in one turn before the loop gets to run other work.</summary>
    private const int ChunksPerTurn = 16;

    private readonly IReactorTime _clock;
    private readonly Stream _input;
    private readonly int _readSize;
    private readonly bool _exactLength;
    private IConsumer? _consumer;
    private Deferred? _done;
    private IDelayedCall? _turn;
    private long _sent;
    private bool _paused;
    private bool _finished;

    /// <summary>Creates a producer that sends <paramref name="input"/> from its current position to its end.</summary>
    /// <param name="clock">The reactor's clock, to schedule the turns.</param>
    /// <param name="input">A readable stream; its remaining length is the body length when it can seek, else unknown.</param>
    /// <param name="readSize">Bytes read per chunk.</param>
    public FileBodyProducer(IReactorTime clock, Stream input, int readSize = 64 * 1024)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _input = input ?? throw new ArgumentNullException(nameof(input));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(readSize);
        _readSize = readSize;
        Length = input.CanSeek ? input.Length - input.Position : -1;
    }

    /// <summary>Creates a producer that sends exactly <paramref name="length"/> bytes of the file at <paramref name="path"/>.</summary>
    internal FileBodyProducer(IReactorTime clock, string path, long length)
        : this(clock, new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1))
    {
        Length = length;
        _exactLength = true;
    }

    /// <inheritdoc/>
    public long Length { get; }

    /// <inheritdoc/>
    public Deferred StartProducing(IConsumer consumer)
    {
        _consumer = consumer ?? throw new ArgumentNullException(nameof(consumer));
        _done = new Deferred().WithLabel("request body from file");
        Schedule();
        return _done;
    }

    /// <inheritdoc/>
    public void PauseProducing()
    {
        _paused = true;
        CancelTurn();
    }

    /// <inheritdoc/>
    public void ResumeProducing()
    {
        _paused = false;
        Schedule();
    }

    /// <inheritdoc/>
    public void StopProducing()
    {
        CancelTurn();
        Finish();
    }

    private void Schedule()
    {
        if (!_finished && !_paused && _consumer is not null && _turn is null)
        {
            _turn = _clock.CallLater(0, Turn);
        }
    }

    private void Turn()
    {
        _turn = null;
        var buffer = ArrayPool<byte>.Shared.Rent(_readSize);
        try
        {
            for (var i = 0; i < ChunksPerTurn && !_paused && !_finished; i++)
            {
                var want = _exactLength ? (int)Math.Min(_readSize, Length - _sent) : _readSize;
                var count = want == 0 ? 0 : _input.Read(buffer, 0, want);
                if (count == 0)
                {
                    Complete();
                    return;
                }

                _sent += count;
                _consumer!.Write(buffer.AsSpan(0, count));
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            Fail(exception);
            return;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        Schedule();
    }

    private void Complete()
    {
        var done = _done;
        var shortBy = _exactLength ? Length - _sent : 0;
        Finish();
        if (shortBy > 0)
        {
            done?.Errback(new IOException($"the file ended after {_sent} of {Length} bytes"));
        }
        else
        {
            done?.Callback(null);
        }
    }

    private void Fail(Exception exception)
    {
        var done = _done;
        Finish();
        done?.Errback(exception);
    }

    private void Finish()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        _input.Dispose();
    }

    private void CancelTurn()
    {
        if (_turn is { } turn && turn.Active())
        {
            turn.Cancel();
        }

        _turn = null;
    }
}
