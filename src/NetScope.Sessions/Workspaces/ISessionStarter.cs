namespace NetScope.Sessions.Workspaces;

/// <summary>
/// A kind of session: what <see cref="Workspace.Open"/> needs to start one. Each kind (tcp now,
/// tls and http later) implements this; the workspace creates the <see cref="Session"/> entry,
/// then calls <see cref="Start"/> with that session's scope current, so everything the kind
/// creates (the connection, its Deferreds) is attributed to the session.
/// </summary>
public interface ISessionStarter
{
    /// <summary>The session kind ("tcp", "tls", "http").</summary>
    string Kind { get; }

    /// <summary>What the session talks to, as the user named it ("127.0.0.1:7").</summary>
    string Target { get; }

    /// <summary>
    /// Starts the session on the reactor thread: typically creates the protocol, wraps it with
    /// <see cref="SessionContext.Wrap"/> (or builds a factory with
    /// <see cref="SessionContext.CreateClientFactory"/>) and connects. Throwing fails the session.
    /// </summary>
    void Start(SessionContext context);
}
