namespace NetScope.Tui.Model;

/// <summary>One session or listener as the list shows it: a copy, safe to read on the UI thread.</summary>
/// <param name="Id">Its number in the workspace (sessions and listeners share the numbering).</param>
/// <param name="IsListener"><see langword="true"/> for a listener.</param>
/// <param name="ListenerId">For a connection a listener accepted: that listener.</param>
/// <param name="Kind">"tcp", "echo", ...</param>
/// <param name="Target">What it talks to, the peer of an accepted connection, or what a listener was asked to bind.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="BytesIn">Bytes received on its bottom transport (0 for listeners).</param>
/// <param name="BytesOut">Bytes sent on its bottom transport.</param>
/// <param name="StartTime">When it started, in seconds since the workspace started.</param>
/// <param name="EndTime">When it ended, if it has.</param>
/// <param name="Reason">Why it ended, if it has.</param>
/// <param name="Address">For a listener: the address it is bound to, once it listens.</param>
internal sealed record EntryRow(
    long Id,
    bool IsListener,
    long? ListenerId,
    string Kind,
    string Target,
    EntryStatus Status,
    long BytesIn,
    long BytesOut,
    double StartTime,
    double? EndTime,
    string? Reason,
    string? Address)
{
    /// <summary>How long it has lived (until it ended) at workspace time <paramref name="now"/>.</summary>
    public double Age(double now) => Math.Max(0, (EndTime ?? now) - StartTime);

    /// <summary><see langword="true"/> once it has ended.</summary>
    public bool Ended => Status is EntryStatus.Closed or EntryStatus.Failed or EntryStatus.Stopped;

    /// <summary>What the list shows as its target: a listener's bound address once known.</summary>
    public string ShownTarget => IsListener && Address is not null ? Address : Target;
}
