using NetScope.Core.Defer;
using NetScope.Core.Reactor;
using NetScope.Core.Transports;
using NetScope.Sessions.Streams;

namespace NetScope.Sessions.Scripting;

/// <summary>
/// Sends a file through a session as the transport's streaming producer: one chunk is read at a time
/// on the reactor's thread pool (a file read may block, the reactor thread must not), sent, and the
/// next read starts only while the transport has not paused it. Memory stays at about the transport's
/// high-water mark plus one chunk, whatever the file's size.
/// </summary>
internal sealed class FileSender : IPushProducer
{
    /// <summary>The bytes read (and sent) at a time.</summary>
    public const int ChunkBytes = 64 * 1024;

    private readonly StreamSession _session;
    private readonly IReactor _reactor;
    private readonly string _path;
    private readonly Deferred _done = new Deferred().WithLabel("send-file");
    private readonly byte[] _buffer = new byte[ChunkBytes];
    private FileStream? _file;
    private bool _paused;
    private bool _reading;
    private bool _finished;

    private FileSender(StreamSession session, IReactor reactor, string path)
    {
        _session = session;
        _reactor = reactor;
        _path = path;
    }

    /// <summary>
    /// Sends the contents of <paramref name="path"/> on <paramref name="session"/>; the Deferred fires once
    /// all of it has been written to the transport, or fails with a <see cref="SendFileException"/> (the file
    /// could not be opened or read) or the reason the connection was lost.
    /// </summary>
    public static Deferred Send(StreamSession session, IReactor reactor, string path)
    {
        var sender = new FileSender(session, reactor, path);
        sender.Open();
        return sender._done;
    }

    /// <inheritdoc/>
    public void PauseProducing() => _paused = true;

    /// <inheritdoc/>
    public void ResumeProducing()
    {
        _paused = false;
        ReadNext();
    }

    /// <inheritdoc/>
    public void StopProducing()
    {
        // The connection is going away: its close reason is what the step failed of.
        if (_finished)
        {
            return;
        }

        Finish();
        _session.WhenClosed.AddCallback((Exception reason) =>
        {
            _done.Errback(reason);
            return null;
        });
    }

    private void Open()
    {
        _reactor.DeferToThread(() => new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1))
            .WithLabel($"open {_path}")
            .AddCallbacks(
                opened =>
                {
                    _file = (FileStream)opened!;
                    if (!_session.Connected || _session.SelfFinished)
                    {
                        Fail(new InvalidOperationException("The session is not connected."));
                        return null;
                    }

                    _session.Transport.RegisterProducer(this, streaming: true);
                    ReadNext();
                    return null;
                },
                failure =>
                {
                    Fail(new SendFileException(_path, failure.Value));
                    return null;
                });
    }

    private void ReadNext()
    {
        if (_paused || _reading || _finished || _file is not { } file)
        {
            return;
        }

        _reading = true;
        _reactor.DeferToThread(() => file.Read(_buffer))
            .WithLabel($"read {_path}")
            .AddCallbacks(
                count =>
                {
                    _reading = false;
                    Chunk((int)count!);
                    return null;
                },
                failure =>
                {
                    _reading = false;
                    if (!_finished)
                    {
                        Unregister();
                        Fail(new SendFileException(_path, failure.Value));
                    }

                    return null;
                });
    }

    private void Chunk(int count)
    {
        if (_finished)
        {
            return;
        }

        if (count == 0)
        {
            Unregister();
            Finish();
            _done.Callback(null);
            return;
        }

        // Send may pause this producer (the buffer passed its high-water mark) before it returns.
        _session.Send(_buffer.AsSpan(0, count));
        ReadNext();
    }

    private void Unregister()
    {
        if (_session.Connected)
        {
            _session.Transport.UnregisterProducer();
        }
    }

    private void Fail(Exception exception)
    {
        Finish();
        _done.Errback(exception);
    }

    private void Finish()
    {
        _finished = true;
        _file?.Dispose();
        _file = null;
    }
}
