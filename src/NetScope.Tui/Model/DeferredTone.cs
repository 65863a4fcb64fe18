namespace NetScope.Tui.Model;

/// <summary>How a row of the Deferreds tab is highlighted.</summary>
internal enum DeferredTone
{
    /// <summary>Succeeded, or a link that ran with a value.</summary>
    Normal,

    /// <summary>Not fired yet, paused, or waiting on another Deferred.</summary>
    Pending,

    /// <summary>Failed (or a link whose outcome is a failure); unhandled failures too.</summary>
    Failed,

    /// <summary>Cancelled, or a link not reached.</summary>
    Quiet,
}
