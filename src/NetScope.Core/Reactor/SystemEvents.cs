namespace NetScope.Core.Reactor;

/// <summary>The names of the system events a reactor fires itself.</summary>
public static class SystemEvents
{
    /// <summary>Fired when <see cref="IReactorCore.Run"/> starts.</summary>
    public const string Startup = "startup";

    /// <summary>Fired by <see cref="IReactorCore.Stop"/>.</summary>
    public const string Shutdown = "shutdown";
}
