using NetScope.Core.Defer;
using NetScope.Core.Observation;
using NetScope.Sessions.Events;
using NetScope.Sessions.Observation;
using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Deferreds;

/// <summary>
/// A workspace's view of the Deferreds its entries created: one record per Deferred with its
/// chain, kept within a per-entry bound, the watchdog, and cancellation by number. Fed by the
/// <see cref="ObservationHub"/> on the reactor thread.
/// </summary>
internal sealed partial class DeferredTracker
{
    private readonly Workspace _workspace;
    private readonly Dictionary<long, DeferredRecord> _byDeferredId = new();
    private readonly Dictionary<long, DeferredRecord> _byNumber = new();
    private readonly List<DeferredRecord> _unannounced = new();
    private long _nextNumber;

    public DeferredTracker(Workspace workspace)
    {
        _workspace = workspace;
    }

    /// <summary>Records held.</summary>
    public int Count => _byNumber.Count;

    private int MaxLinks => _workspace.Options.MaxLinksPerDeferred;

    /// <summary>The record numbered <paramref name="number"/>, if still remembered.</summary>
    public DeferredRecord? Find(long number) => _byNumber.GetValueOrDefault(number);

    /// <summary>The record of <paramref name="deferred"/>, if it is tracked.</summary>
    public DeferredRecord? Find(Deferred deferred) => _byDeferredId.GetValueOrDefault(deferred.Id);

    /// <summary>
    /// Cancels the Deferred numbered <paramref name="number"/> in its owner's scope, if it is
    /// remembered, still alive and not settled. Returns whether it was cancelled.
    /// </summary>
    public bool Cancel(long number)
    {
        if (Find(number) is not { Unsettled: true } record || record.Target is not { } deferred)
        {
            return false;
        }

        using (ObservationScope.Enter(record.Owner))
        {
            deferred.Cancel();
        }

        return true;
    }

    /// <summary>Publishes the creation of Deferreds not used since they were created (their label is known by now).</summary>
    public void FlushAnnouncements()
    {
        foreach (var record in _unannounced.ToArray())
        {
            Announce(record);
        }
    }

    /// <summary>Forgets every record of <paramref name="owner"/> (the workspace dropped the entry).</summary>
    public void ForgetAll(WorkspaceEntry owner)
    {
        foreach (var record in owner.DeferredRecords)
        {
            Forget(record);
        }

        owner.DeferredRecords.Clear();
    }

    /// <summary>Snapshots of <paramref name="root"/> and every Deferred its chain waited on, for rendering its tree.</summary>
    public IReadOnlyList<DeferredSnapshot> ChainOf(DeferredRecord root)
    {
        var now = _workspace.Now;
        var seen = new HashSet<DeferredRecord>();
        var result = new List<DeferredSnapshot>();
        var pending = new Stack<DeferredRecord>();
        pending.Push(root);
        while (pending.TryPop(out var record))
        {
            if (!seen.Add(record))
            {
                continue;
            }

            result.Add(record.ToSnapshot(now));
            foreach (var link in record.Links)
            {
                if (link.WaitingOn is { } inner)
                {
                    pending.Push(inner);
                }
            }
        }

        return result;
    }

    private DeferredRecord Track(Deferred deferred, WorkspaceEntry owner, bool adopted)
    {
        var record = new DeferredRecord(++_nextNumber, deferred, owner, _workspace.Now);
        _byDeferredId[record.DeferredId] = record;
        _byNumber[record.Number] = record;
        owner.DeferredRecords.Add(record);
        _unannounced.Add(record);
        if (adopted)
        {
            ObservationHub.Adopt(record.DeferredId, this);
        }

        KeepWithinBound(owner);
        return record;
    }

    /// <summary>Over the bound, forget the oldest settled and handled record (or, if none is, the oldest).</summary>
    private void KeepWithinBound(WorkspaceEntry owner)
    {
        var records = owner.DeferredRecords;
        while (records.Count > _workspace.Options.MaxDeferredsPerEntry)
        {
            var index = records.FindIndex(static r => !r.Unsettled && !r.Unhandled);
            if (index < 0)
            {
                index = 0;
            }

            Forget(records[index]);
            records.RemoveAt(index);
            owner.ForgottenDeferreds++;
        }
    }

    private void Forget(DeferredRecord record)
    {
        _byDeferredId.Remove(record.DeferredId);
        _byNumber.Remove(record.Number);
        _unannounced.Remove(record);
        ObservationHub.Release(record.DeferredId);
    }

    private void Announce(DeferredRecord record)
    {
        if (record.Announced)
        {
            return;
        }

        record.Announced = true;
        _unannounced.Remove(record);
        if (record.Target is { } deferred)
        {
            record.RefreshLabel(deferred);
        }

        Publish(new DeferredCreated(record.Owner.Id, record.Number, record.Label, record.CreationSite, record.CreatedAt));
    }

    private void Publish(WorkspaceEvent next) => _workspace.Publish(next);
}
