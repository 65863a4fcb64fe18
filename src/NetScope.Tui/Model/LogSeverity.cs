namespace NetScope.Tui.Model;

/// <summary>How much a log line matters (its colour, or its text style without colour).</summary>
internal enum LogSeverity
{
    /// <summary>Something happened.</summary>
    Info,

    /// <summary>Something the user may want to look at (a stalled Deferred, lost events).</summary>
    Warning,

    /// <summary>Something failed (a command, a listener, an unhandled Deferred failure).</summary>
    Error,
}
