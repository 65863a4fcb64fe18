using NetScope.Sessions.Events;

namespace NetScope.Sessions.Deferreds;

/// <content>The pending-Deferred watchdog.</content>
internal sealed partial class DeferredTracker
{
    /// <summary>Reports (once each) the Deferreds still unsettled after <paramref name="thresholdSeconds"/>.</summary>
    public void CheckStalled(double thresholdSeconds)
    {
        var now = _workspace.Now;
        foreach (var record in _byNumber.Values)
        {
            if (record.StallReported || !record.Unsettled || now - record.CreatedAt < thresholdSeconds || !_workspace.Watches(record))
            {
                continue;
            }

            Announce(record);
            record.StallReported = true;
            Publish(new DeferredStalled(record.Owner.Id, record.Number, record.Label, now - record.CreatedAt, record.CreationSite));
        }
    }

    /// <summary>The unsettled Deferreds older than <paramref name="thresholdSeconds"/>, oldest first.</summary>
    public IReadOnlyList<DeferredSnapshot> Stalled(double thresholdSeconds)
    {
        var now = _workspace.Now;
        return _byNumber.Values
            .Where(r => r.Unsettled && now - r.CreatedAt >= thresholdSeconds && _workspace.Watches(r))
            .OrderBy(r => r.CreatedAt)
            .ThenBy(r => r.Number)
            .Select(r => r.ToSnapshot(now))
            .ToArray();
    }
}
