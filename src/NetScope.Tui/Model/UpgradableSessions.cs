using System.Collections.Concurrent;
using NetScope.Core.Tls;
using NetScope.Sessions.Kinds;
using NetScope.Sessions.Workspaces;

namespace NetScope.Tui.Model;

/// <summary>
/// Keeps the <see cref="SessionContext"/> of each session the UI opened, while it lives, so that
/// <c>/starttls</c> can upgrade it later and attribute the new TLS layer, with its details, to it.
/// Ended sessions are let go whenever another one opens (watching for their end with a Deferred
/// would put this bookkeeping into every session's chain tree).
/// </summary>
internal sealed class UpgradableSessions
{
    private readonly ConcurrentDictionary<long, SessionContext> _contexts = new();

    /// <summary>Sessions remembered (open ones the UI started).</summary>
    public int Count => _contexts.Count;

    /// <summary>Wraps <paramref name="starter"/> so that the session it starts is remembered until it ends.</summary>
    public ISessionStarter Remember(ISessionStarter starter) => new Remembering(starter ?? throw new ArgumentNullException(nameof(starter)), this);

    /// <summary>
    /// Upgrades session <paramref name="sessionId"/> to TLS in place (reactor thread): the handshake
    /// starts at once; the transcript notes its start and its outcome.
    /// </summary>
    /// <exception cref="InvalidOperationException">The session was not opened here, is not a plaintext stream, or is not connected.</exception>
    public ITlsTransport StartTls(long sessionId, TlsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!_contexts.TryGetValue(sessionId, out var context) || context.Session.Ended)
        {
            throw new InvalidOperationException($"#{sessionId} was not opened from here (only sessions opened in this window can start TLS)");
        }

        var stream = context.Session.Stream ?? throw new InvalidOperationException($"#{sessionId} is not a line/raw session");
        if (!stream.Connected || stream.Transport is not ITlsUpgradable { Tls: null } upgradable)
        {
            throw new InvalidOperationException($"#{sessionId} is not an open plaintext connection");
        }

        stream.AddNote("starting TLS");
        ITlsTransport tls = null!;
        context.Session.RunInScope(() => tls = upgradable.StartTls(options));
        context.AttachTransport(tls.Stats, () => TlsSessionStarter.Describe(tls));
        tls.NotifyHandshakeCompleted().AddCallbacks(
            session =>
            {
                stream.AddNote("TLS established");
                return session;
            },
            failure =>
            {
                stream.AddNote($"TLS handshake failed: {failure.Value.Message}");
                return null;
            });
        return tls;
    }

    private sealed class Remembering : ISessionStarter
    {
        private readonly ISessionStarter _inner;
        private readonly UpgradableSessions _owner;

        public Remembering(ISessionStarter inner, UpgradableSessions owner)
        {
            _inner = inner;
            _owner = owner;
        }

        public string Kind => _inner.Kind;

        public string Target => _inner.Target;

        public void Start(SessionContext context)
        {
            // On the reactor thread, where a session's state may be read.
            foreach (var (id, known) in _owner._contexts)
            {
                if (known.Session.Ended)
                {
                    _owner._contexts.TryRemove(id, out _);
                }
            }

            _owner._contexts[context.Session.Id] = context;
            _inner.Start(context);

            // The window's own wait for the session to open: the first Deferred in each session's
            // chain tree. A session that cannot open shows why in its row, so the errback only
            // marks the failure handled.
            context.Session.WhenOpen().AddErrback(OpenFailureIsShownInTheRow);
        }

        private static object? OpenFailureIsShownInTheRow(Core.Defer.Failure failure) => null;
    }
}
