using System.Text;
using NetScope.Core.Defer;
using NetScope.Core.Errors;
using NetScope.Core.Protocols;
using NetScope.Core.Time;
using NetScope.Core.Transports;
using NetScope.Sessions.Transcripts;

namespace NetScope.Sessions.Streams;

/// <summary>
/// An interactive byte-stream conversation (the protocol behind <c>netscope tcp</c>, <c>tls</c>
/// and the TUI's line and raw sessions): records both directions in a <see cref="Transcript"/>,
/// frames what arrives as lines or raw bytes for its listeners, and offers the steps a script
/// needs: send, expect a pattern, half-close, close.
/// </summary>
public sealed partial class StreamSession : Protocol, IHalfCloseableProtocol
{
    private readonly List<IStreamSessionListener> _listeners = new();
    private readonly IReactorTime _clock;
    // Created when first asked for, so that a failed connect nobody waited on leaves no failed
    // Deferred behind to be reported as unhandled.
    private Deferred<StreamSession>? _connected;
    private Deferred<Exception>? _closed;
    private bool _wasConnected;
    private Exception? _connectFailure;
    private Exception? _closedReason;

    /// <summary>Creates a session that reads time from <paramref name="clock"/>.</summary>
    public StreamSession(IReactorTime clock, StreamMode mode = StreamMode.Line, int transcriptCapacity = Transcript.DefaultCapacityBytes)
        : this(clock, new Transcript(clock, transcriptCapacity), mode)
    {
    }

    /// <summary>Creates a session that records into <paramref name="transcript"/> (a workspace session's own).</summary>
    public StreamSession(IReactorTime clock, Transcript transcript, StreamMode mode = StreamMode.Line)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        Transcript = transcript ?? throw new ArgumentNullException(nameof(transcript));
        Mode = mode;
    }

    /// <summary>Both directions of the conversation, bounded.</summary>
    public Transcript Transcript { get; }

    /// <summary>How received data is framed for listeners.</summary>
    public StreamMode Mode { get; private set; }

    /// <summary>What <see cref="SendLine"/> appends. <remarks>Defaults to CRLF, what most text protocols expect.</remarks></summary>
    public byte[] LineEnding { get; set; } = "\r\n"u8.ToArray();

    /// <summary>
    /// Fires with this session when the connection is up; fails with the reason when it could
    /// not be made (see <see cref="ConnectionFailed"/>). The same Deferred on every read.
    /// </summary>
    public Deferred<StreamSession> WhenConnected => _connected ??= CreateConnected();

    /// <summary>
    /// Fires when the connection is gone, or could not be made, with the reason as its value (a
    /// <see cref="ConnectionDoneException"/> for a clean close); it never fails. The same Deferred on every read.
    /// </summary>
    public Deferred<Exception> WhenClosed => _closed ??= CreateClosed();

    /// <summary>Told of each Deferred that waits for the end of the connection by design (the watchdog leaves those alone).</summary>
    internal Action<Deferred>? LifetimeDeferredCreated { get; set; }

    /// <summary><see langword="true"/> once the peer has finished sending (FIN received).</summary>
    public bool PeerFinished { get; private set; }

    /// <summary><see langword="true"/> once this side has finished sending.</summary>
    public bool SelfFinished { get; private set; }

    /// <summary>Adds a listener.</summary>
    public void AddListener(IStreamSessionListener listener) => _listeners.Add(listener ?? throw new ArgumentNullException(nameof(listener)));

    /// <summary>Switches between line and raw framing; a partial line held in line mode is passed on first.</summary>
    public void SetMode(StreamMode mode)
    {
        if (mode == Mode)
        {
            return;
        }

        FlushPartialLine(complete: false);
        Mode = mode;
        AddNote(mode == StreamMode.Line ? "line mode" : "raw mode");
    }

    /// <summary>Sends <paramref name="data"/> as is.</summary>
    /// <exception cref="InvalidOperationException">Not connected, or this side has finished sending.</exception>
    public void Send(ReadOnlySpan<byte> data)
    {
        if (!Connected)
        {
            throw new InvalidOperationException("The session is not connected.");
        }

        if (SelfFinished)
        {
            throw new InvalidOperationException("This side has finished sending (half-closed).");
        }

        if (data.IsEmpty)
        {
            return;
        }

        Transcript.Append(Direction.Sent, data);
        foreach (var listener in _listeners)
        {
            listener.Data(this, Direction.Sent, data);
        }

        Transport.Write(data);
    }

    /// <summary>Sends <paramref name="text"/> (UTF-8) followed by <see cref="LineEnding"/>, in one write.</summary>
    public void SendLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + LineEnding.Length];
        var written = Encoding.UTF8.GetBytes(text, bytes);
        LineEnding.CopyTo(bytes, written);
        Send(bytes);
    }

    /// <summary>Finishes sending (FIN after what is buffered) and keeps reading.</summary>
    public void HalfClose()
    {
        if (!Connected || SelfFinished)
        {
            return;
        }

        if (Transport is ITcpTransport tcp)
        {
            tcp.LoseWriteConnection();
        }
        else
        {
            Transport.LoseConnection();
        }
    }

    /// <summary>Closes after what is buffered has been sent.</summary>
    public void Close()
    {
        if (Connected)
        {
            Transport.LoseConnection();
        }
    }

    /// <summary>Drops the connection at once (the peer sees a reset).</summary>
    public void Abort()
    {
        if (Connected)
        {
            Transport.AbortConnection();
        }
    }

    /// <summary>Records and announces a note.</summary>
    public void AddNote(string text)
    {
        Transcript.AddNote(text);
        foreach (var listener in _listeners)
        {
            listener.Note(this, text);
        }
    }

    /// <summary>
    /// The connection could not be made (refused, timed out, stopped) or the session ended before
    /// it was: <see cref="WhenConnected"/> fails with <paramref name="reason"/> and
    /// <see cref="WhenClosed"/> fires with it. Ignored once connected or closed.
    /// </summary>
    public void ConnectionFailed(Exception reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (_wasConnected || _closedReason is not null)
        {
            return;
        }

        _connectFailure = reason;
        _closedReason = reason;
        _connected?.Errback(reason);
        _closed?.Callback(reason);
    }

    /// <inheritdoc/>
    public override void ConnectionMade()
    {
        _wasConnected = true;
        foreach (var listener in _listeners)
        {
            listener.Connected(this);
        }

        _connected?.Callback(this);
    }

    /// <inheritdoc/>
    public override void DataReceived(ReadOnlySpan<byte> data)
    {
        Transcript.Append(Direction.Received, data);
        foreach (var listener in _listeners)
        {
            listener.Data(this, Direction.Received, data);
        }

        if (Mode == StreamMode.Line)
        {
            SplitLines(data);
        }

        MatchExpectations(data);
    }

    /// <inheritdoc/>
    public void ReadConnectionLost()
    {
        PeerFinished = true;
        FlushPartialLine(complete: true);
        AddNote("peer finished sending");
        FailExpectation("the peer finished sending");
    }

    /// <inheritdoc/>
    public void WriteConnectionLost()
    {
        SelfFinished = true;
        AddNote("finished sending (half-close)");
        if (PeerFinished)
        {
            Transport.LoseConnection();
        }
    }

    /// <inheritdoc/>
    public override void ConnectionLost(Failure reason)
    {
        FlushPartialLine(complete: true);
        CancelPartialLineTimer();
        var text = reason.Value is ConnectionDoneException ? "connection closed" : reason.Value.Message;
        AddNote(text);
        if (reason.Value is ConnectionDoneException)
        {
            FailExpectation("the connection closed");
        }
        else
        {
            FailExpectation(reason.Value.Message, reason.Value);
        }

        foreach (var listener in _listeners)
        {
            listener.Closed(this, reason);
        }

        _closedReason = reason.Value;
        _closed?.Callback(reason.Value);
    }

    private Deferred<StreamSession> CreateConnected()
    {
        var connected = new Deferred<StreamSession>().WithLabel("stream connected");
        if (_wasConnected)
        {
            connected.Callback(this);
        }
        else if (_connectFailure is not null)
        {
            connected.Errback(_connectFailure);
        }

        return connected;
    }

    private Deferred<Exception> CreateClosed()
    {
        var closed = new Deferred<Exception>().WithLabel("stream closed");
        LifetimeDeferredCreated?.Invoke(closed);
        if (_closedReason is not null)
        {
            closed.Callback(_closedReason);
        }

        return closed;
    }
}
