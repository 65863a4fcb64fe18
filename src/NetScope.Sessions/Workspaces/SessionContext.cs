using NetScope.Core.Protocols;
using NetScope.Core.Reactor;
using NetScope.Core.Transports;
using NetScope.Sessions.Kinds;
using NetScope.Sessions.Observation;
using NetScope.Sessions.Streams;

namespace NetScope.Sessions.Workspaces;

/// <summary>
/// What a session kind (an <see cref="ISessionStarter"/>, or the protocol builder of a listener)
/// uses to tie its protocol, transports and milestones to its <see cref="Session"/>. Reactor thread only.
/// </summary>
public sealed class SessionContext
{
    internal SessionContext(Workspace workspace, Session session)
    {
        Workspace = workspace;
        Session = session;
    }

    /// <summary>The workspace.</summary>
    public Workspace Workspace { get; }

    /// <summary>The reactor everything runs on.</summary>
    public IReactor Reactor => Workspace.Reactor;

    /// <summary>The session being started.</summary>
    public Session Session { get; }

    /// <summary>
    /// Creates the line/raw byte-stream protocol for this session: it records into the session's
    /// transcript, becomes <see cref="Session.Stream"/> (so send, half-close and mode commands
    /// work), and measures line round trips. Wrap it with <c>RecordTranscript = false</c>.
    /// </summary>
    public StreamSession CreateStream(StreamMode mode)
    {
        var stream = new StreamSession(Reactor, Session.Transcript, mode);
        stream.AddListener(new StreamSessionBinding(Session));
        stream.LifetimeDeferredCreated = Session.MarkLifetime;
        Session.Stream = stream;
        return stream;
    }

    /// <summary>
    /// Wraps <paramref name="protocol"/> so that its every entry point runs in the session's scope,
    /// its transport is attributed to the session (and sampled for TCP_INFO), and the session
    /// opens and ends with its connection (see <see cref="WrapOptions"/>). Hand the result to
    /// the transport instead of the protocol itself.
    /// </summary>
    public IProtocol Wrap(IProtocol protocol, WrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        return ScopedProtocol.Create(protocol, Session, options ?? new WrapOptions());
    }

    /// <summary>
    /// A client factory that builds <paramref name="protocol"/>, wrapped, for the one connection
    /// of this session, and fails the session with the typed error when connecting fails.
    /// Pass it to <c>ConnectTcp</c>.
    /// </summary>
    public ClientFactory CreateClientFactory(IProtocol protocol, WrapOptions? options = null) =>
        new SessionClientFactory(Session, Wrap(protocol, options));

    /// <summary>
    /// Attributes <paramref name="stats"/> to the session explicitly (transports created in the
    /// session's scope are attributed on their own), with an optional source of the layer's own
    /// details (TLS version, cipher, ...), read whenever a snapshot is taken.
    /// </summary>
    public void AttachTransport(TransportStats stats, Func<IReadOnlyList<KeyValuePair<string, string>>>? details = null)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var record = Workspace.AttachTransport(Session, stats);
        record.Details = details ?? record.Details;
    }

    /// <summary>Samples TCP_INFO from <paramref name="transport"/> while the session is open (set on its own for a wrapped protocol's TCP transport).</summary>
    public void SetKernelSource(ITcpTransport transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        Workspace.SetKernelSource(Session, transport);
    }

    /// <summary>The session is open (for kinds wrapped with <c>OpensSession = false</c>).</summary>
    public void MarkOpen() => Workspace.OpenSession(Session);

    /// <summary>Records a milestone of this kind ("request sent", "headers received") for the phase timings; the first mark of a name counts.</summary>
    public void MarkPhase(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Workspace.MarkPhase(Session, name);
    }

    /// <summary>Ends the session now: cleanly for a <see cref="Core.Errors.ConnectionDoneException"/>, as failed otherwise.</summary>
    public void End(Exception reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        Workspace.EndSession(Session, reason);
    }

    /// <summary>Replaces what <see cref="Session.Close"/> and <see cref="Session.Abort"/> do (the argument is <c>abort</c>).</summary>
    public void OnClose(Action<bool> close) => Session.CloseHandler = close ?? throw new ArgumentNullException(nameof(close));
}
