using System.Net.Sockets;

namespace NetScope.Core.Transports.Tcp;

/// <content>The write side: direct writes, buffering, and flow control with producers.</content>
internal sealed partial class TcpConnection
{
    private readonly WriteBuffer _buffer = new();
    private SocketError _pendingWriteError;
    private IProducer? _producer;
    private bool _streamingProducer;
    private bool _producerPaused;

    /// <summary>Sends <paramref name="data"/> on the socket, bypassing a TLS layer (see <see cref="Write"/>).</summary>
    internal void WriteRaw(ReadOnlySpan<byte> data)
    {
        if (_disconnected || _aborting || _writeShutDown || data.IsEmpty)
        {
            return;
        }

        if (_buffer.Length == 0 && _pendingWriteError == SocketError.Success)
        {
            var sent = _socket.Send(data, out var error);
            if (!TryAccountDirectSend(ref sent, error) || sent == data.Length)
            {
                return;
            }

            _buffer.Append(data[(int)sent..]);
            SetInterest(read: WatchRead, write: true);
        }
        else
        {
            _buffer.Append(data);
        }

        BufferGrew();
    }

    /// <summary>Sends <paramref name="data"/> on the socket as one vectored write, bypassing a TLS layer.</summary>
    internal void WriteSequenceRaw(IReadOnlyList<ReadOnlyMemory<byte>> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (_disconnected || _aborting || _writeShutDown || data.Count == 0)
        {
            return;
        }

        if (data.Count == 1 || _buffer.Length > 0 || _pendingWriteError != SocketError.Success || data.Count > _reactor.VectorScratch.Length)
        {
            foreach (var part in data)
            {
                WriteRaw(part.Span);
            }

            return;
        }

        var segments = _reactor.VectorScratch.AsSpan(0, data.Count);
        long total = 0;
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = data[i];
            total += data[i].Length;
        }

        var sent = _socket.SendVectored(segments, out var error);
        segments.Clear();
        if (!TryAccountDirectSend(ref sent, error) || sent == total)
        {
            return;
        }

        // Buffer whatever the kernel did not take, from where it stopped.
        var skip = sent;
        foreach (var part in data)
        {
            if (skip >= part.Length)
            {
                skip -= part.Length;
                continue;
            }

            _buffer.Append(part.Span[(int)skip..]);
            skip = 0;
        }

        SetInterest(read: WatchRead, write: true);
        BufferGrew();
    }

    /// <summary>
    /// Counts what a direct send took (<paramref name="sent"/> becomes 0 when the kernel asked to
    /// try later). Any other failure is kept for the write handler to report, never from inside
    /// the protocol's own call: then nothing is to be buffered and this returns <see langword="false"/>.
    /// </summary>
    private bool TryAccountDirectSend(ref long sent, SocketError error)
    {
        if (sent >= 0)
        {
            Stats.RecordSent(sent);
            return true;
        }

        if (error is not (SocketError.WouldBlock or SocketError.Interrupted))
        {
            _pendingWriteError = error;
            SetInterest(read: WatchRead, write: true);
            return false;
        }

        sent = 0;
        return true;
    }

    /// <summary>Registers a producer of socket writes, bypassing a TLS layer.</summary>
    internal void RegisterProducerRaw(IProducer producer, bool streaming)
    {
        ArgumentNullException.ThrowIfNull(producer);
        if (_producer is not null)
        {
            throw new InvalidOperationException($"Cannot register producer {producer}: {_producer} is already registered.");
        }

        if (_disconnected)
        {
            producer.StopProducing();
            return;
        }

        _producer = producer;
        _streamingProducer = streaming;
        _producerPaused = false;
        Stats.Producer = ProducerState.Streaming;
        if (!streaming && producer is IPullProducer pull)
        {
            // Direct writes may never fill the buffer, so watch writability to keep pulling.
            SetInterest(read: WatchRead, write: true);
            pull.ResumeProducing();
        }
    }

    /// <summary>Unregisters the producer of socket writes, bypassing a TLS layer.</summary>
    internal void UnregisterProducerRaw()
    {
        _producer = null;
        _producerPaused = false;
        Stats.Producer = ProducerState.None;
        if ((_disconnecting || _writeDisconnecting) && _buffer.Length == 0)
        {
            ScheduleFinishClosing();
        }
    }

    /// <inheritdoc/>
    public override void OnWritable()
    {
        if (_pendingWriteError != SocketError.Success)
        {
            CloseAndNotify(LostBecause(_pendingWriteError));
            return;
        }

        if (_buffer.Length > 0)
        {
            if (!Flush())
            {
                return;
            }

            if (_buffer.Length > 0)
            {
                ResumeProducerIfDrained();
                return;
            }
        }

        if (_producer is IPullProducer pull && !_streamingProducer)
        {
            pull.ResumeProducing();
            return;
        }

        SetInterest(read: WatchRead, write: false);
        if (_producer is not null && _producerPaused)
        {
            ResumeProducerIfDrained();
        }
        else if (_producer is null && (_disconnecting || _writeDisconnecting))
        {
            FinishClosing();
        }
    }

    /// <summary>Writes as much of the buffer as the kernel takes; false if the connection was lost.</summary>
    private bool Flush()
    {
        var segments = _reactor.VectorScratch;
        var count = _buffer.Peek(segments);
        var sent = count == 1
            ? _socket.Send(segments[0].Span, out var error)
            : _socket.SendVectored(segments.AsSpan(0, count), out error);
        segments.AsSpan(0, count).Clear();
        if (sent < 0)
        {
            if (error is SocketError.WouldBlock or SocketError.Interrupted)
            {
                return true;
            }

            CloseAndNotify(LostBecause(error));
            return false;
        }

        Stats.RecordSent(sent);
        _buffer.Consume(sent);
        Stats.WriteBufferSize = _buffer.Length;
        return true;
    }

    private void BufferGrew()
    {
        Stats.WriteBufferSize = _buffer.Length;
        if (_producer is IPushProducer push && _streamingProducer && !_producerPaused && _buffer.Length > Stats.HighWaterMark)
        {
            _producerPaused = true;
            Stats.Producer = ProducerState.Paused;
            push.PauseProducing();
        }
    }

    private void ResumeProducerIfDrained()
    {
        var producer = _producer;
        if (producer is null)
        {
            return;
        }

        if (_streamingProducer)
        {
            if (_producerPaused && _buffer.Length <= Stats.LowWaterMark && producer is IPushProducer push)
            {
                _producerPaused = false;
                Stats.Producer = ProducerState.Streaming;
                push.ResumeProducing();
            }
        }
        else if (_buffer.Length == 0 && producer is IPullProducer pull)
        {
            pull.ResumeProducing();
        }
    }
}
