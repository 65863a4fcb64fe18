using NetScope.Core.Defer;
using NetScope.Core.Observation;
using NetScope.Core.Protocols;
using NetScope.Core.Transports;
using NetScope.Sessions.Transcripts;
using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Observation;

/// <summary>
/// Stands between a transport and a session's protocol: every call into the protocol runs in
/// the session's observation scope, the transport is attributed to the session, and (when asked)
/// both directions are recorded in the session's transcript.
/// </summary>
internal class ScopedProtocol : IProtocol
{
    private readonly IProtocol _inner;
    private readonly WrapOptions _options;

    protected ScopedProtocol(IProtocol inner, Session session, WrapOptions options)
    {
        _inner = inner;
        Session = session;
        _options = options;
    }

    protected Session Session { get; }

    protected IProtocol Inner => _inner;

    /// <summary>Wraps <paramref name="inner"/>, keeping it half-closeable only if it was (the transport behaves differently for those).</summary>
    public static ScopedProtocol Create(IProtocol inner, Session session, WrapOptions options)
    {
        session.Protocol ??= inner;
        return inner is IHalfCloseableProtocol
            ? new ScopedHalfCloseableProtocol(inner, session, options)
            : new ScopedProtocol(inner, session, options);
    }

    /// <inheritdoc/>
    public void MakeConnection(ITransport transport)
    {
        using (ObservationScope.Enter(Session))
        {
            Session.Workspace.TransportConnected(Session, transport);
            ITransport given = transport;
            if (_options.RecordTranscript)
            {
                given = transport is ITcpTransport tcp ? new RecordingTcpTransport(tcp, Session.Transcript) : new RecordingTransport(transport, Session.Transcript);
            }

            _inner.MakeConnection(given);

            // Open only once the protocol is connected: whoever waits for the session may use it at once.
            if (_options.OpensSession)
            {
                Session.Workspace.OpenSession(Session);
            }
        }
    }

    /// <inheritdoc/>
    public void ConnectionMade()
    {
        // MakeConnection has already told the inner protocol; a transport never calls this directly.
    }

    /// <inheritdoc/>
    public void DataReceived(ReadOnlySpan<byte> data)
    {
        using (ObservationScope.Enter(Session))
        {
            if (_options.RecordTranscript)
            {
                Session.Transcript.Append(Direction.Received, data);
            }

            _inner.DataReceived(data);
        }
    }

    /// <inheritdoc/>
    public void ConnectionLost(Failure reason)
    {
        using (ObservationScope.Enter(Session))
        {
            try
            {
                _inner.ConnectionLost(reason);
            }
            finally
            {
                if (_options.RecordTranscript)
                {
                    Session.Transcript.AddNote(Workspace.DescribeEnd(reason.Value));
                }

                if (_options.EndsSession)
                {
                    Session.Workspace.EndSession(Session, reason.Value);
                }
            }
        }
    }

    /// <inheritdoc/>
    public override string ToString() => _inner.ToString() ?? _inner.GetType().Name;
}
