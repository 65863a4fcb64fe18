using NetScope.Core.Protocols;

namespace NetScope.Sessions.Workspaces;

/// <summary>
/// A kind of listener: what <see cref="Workspace.StartListener"/> needs to start one. The
/// workspace creates the <see cref="Listener"/> entry and calls <see cref="Start"/> in its scope;
/// the starter listens with a factory from <see cref="ListenerContext.CreateAcceptingFactory"/>,
/// which makes every accepted connection a session of its own.
/// </summary>
public interface IListenerStarter
{
    /// <summary>The listener kind ("tcp" for line/raw stream sessions, or a protocol's name).</summary>
    string Kind { get; }

    /// <summary>What it listens on, as the user named it ("127.0.0.1:0").</summary>
    string Target { get; }

    /// <summary>Starts listening on the reactor thread and returns the port; throwing fails the listener.</summary>
    IListeningPort Start(ListenerContext context);
}
