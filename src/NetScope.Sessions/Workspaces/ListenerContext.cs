using NetScope.Core.Protocols;
using NetScope.Core.Reactor;
using NetScope.Sessions.Observation;

namespace NetScope.Sessions.Workspaces;

/// <summary>What a listener kind (an <see cref="IListenerStarter"/>) uses to make accepted connections sessions. Reactor thread only.</summary>
public sealed class ListenerContext
{
    internal ListenerContext(Workspace workspace, Listener listener)
    {
        Workspace = workspace;
        Listener = listener;
    }

    /// <summary>The workspace.</summary>
    public Workspace Workspace { get; }

    /// <summary>The reactor everything runs on.</summary>
    public IReactor Reactor => Workspace.Reactor;

    /// <summary>The listener being started.</summary>
    public Listener Listener { get; }

    /// <summary>
    /// A factory for the listening port: each accepted connection becomes a session of
    /// <paramref name="sessionKind"/> (the listener's kind by default) whose protocol
    /// <paramref name="build"/> makes, in that session's scope, and is wrapped with
    /// <paramref name="options"/> (see <see cref="SessionContext.Wrap"/>).
    /// </summary>
    public IProtocolFactory CreateAcceptingFactory(Func<SessionContext, IProtocol> build, WrapOptions? options = null, string? sessionKind = null)
    {
        ArgumentNullException.ThrowIfNull(build);
        return new AcceptingFactory(Workspace, Listener, sessionKind ?? Listener.Kind, build, options ?? new WrapOptions());
    }
}
