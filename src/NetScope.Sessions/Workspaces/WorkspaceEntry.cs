using NetScope.Core.Defer;
using NetScope.Core.Observation;
using NetScope.Sessions.Deferreds;
using NetScope.Sessions.Transcripts;

namespace NetScope.Sessions.Workspaces;

/// <summary>
/// What sessions and listeners have in common: a number, a kind, a target, a life span, a
/// transcript, and the Deferreds created while their code ran. Live objects: use them on the
/// reactor thread only (other threads read <see cref="Snapshots.WorkspaceSnapshot"/>s).
/// </summary>
public abstract class WorkspaceEntry
{
    private HashSet<long>? _lifetime;

    private protected WorkspaceEntry(Workspace workspace, long id, string kind, string target)
    {
        Workspace = workspace;
        Id = id;
        Kind = kind;
        Target = target;
        StartTime = workspace.Now;
        Transcript = new Transcript(workspace.Reactor, workspace.Options.TranscriptCapacityBytes);
    }

    /// <summary>The workspace the entry belongs to.</summary>
    public Workspace Workspace { get; }

    /// <summary>The entry's number: sessions and listeners share one numbering per workspace, from 1.</summary>
    public long Id { get; }

    /// <summary>"tcp", later "tls", "http", ...</summary>
    public string Kind { get; }

    /// <summary>What it talks to or listens on, as the user named it.</summary>
    public string Target { get; }

    /// <summary>When it was created, in seconds since the workspace started.</summary>
    public double StartTime { get; }

    /// <summary>When it ended, or <see langword="null"/> while it lives.</summary>
    public double? EndTime { get; private protected set; }

    /// <summary>Why it ended (one line), once it has.</summary>
    public string? EndReason { get; private protected set; }

    /// <summary>What was sent and received (for a listener: notes of what it accepted), bounded.</summary>
    public Transcript Transcript { get; }

    /// <summary>The Deferreds attributed to this entry that are still remembered, oldest first.</summary>
    internal List<DeferredRecord> DeferredRecords { get; } = new();

    /// <summary>Deferred records forgotten to stay within <see cref="WorkspaceOptions.MaxDeferredsPerEntry"/>.</summary>
    internal int ForgottenDeferreds { get; set; }

    /// <summary>
    /// Marks <paramref name="deferred"/> as one that waits for this entry's end by design (a
    /// "closed" or "ended" notification): the pending-Deferred watchdog never reports it as stalled.
    /// </summary>
    public void MarkLifetime(Deferred deferred)
    {
        ArgumentNullException.ThrowIfNull(deferred);
        (_lifetime ??= new()).Add(deferred.Id);
    }

    /// <summary>Whether the Deferred with the core id <paramref name="deferredId"/> was marked with <see cref="MarkLifetime"/>.</summary>
    internal bool IsLifetime(long deferredId) => _lifetime?.Contains(deferredId) == true;

    /// <summary>
    /// Runs <paramref name="action"/> as this entry's code: Deferreds and transports it creates,
    /// and timed calls it schedules, are attributed to this entry.
    /// </summary>
    public void RunInScope(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        using (ObservationScope.Enter(this))
        {
            action();
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"#{Id} {Kind} {Target}";
}
