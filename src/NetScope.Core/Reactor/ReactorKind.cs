namespace NetScope.Core.Reactor;

/// <summary>The reactor implementations.</summary>
public enum ReactorKind
{
    /// <summary>Linux epoll through direct system calls (the default on Linux).</summary>
    Epoll,

    /// <summary>Readiness through <c>Socket.Select</c>: works wherever .NET does.</summary>
    Portable,
}
