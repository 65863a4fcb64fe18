namespace NetScope.Sessions.Workspaces;

/// <summary>Where a listener is in its life.</summary>
public enum ListenerState
{
    /// <summary>Binding.</summary>
    Starting,

    /// <summary>Accepting connections.</summary>
    Listening,

    /// <summary>Stopped on request; connections it accepted live on.</summary>
    Stopped,

    /// <summary>Could not listen (address in use, permission denied, ...).</summary>
    Failed,
}
