using System.Globalization;
using NetScope.Sessions.Events;
using NetScope.Sessions.Rendering;
using NetScope.Sessions.Workspaces;

namespace NetScope.Tui.Model;

/// <content>Reading the event stream: rows, loop health, and the Log tab's lines.</content>
internal sealed partial class WorkspaceFeed
{
    private bool _needResync;
    private long _pendingBytes;
    private long _pendingEntries;

    /// <summary>Reads what is queued (bounded per frame); returns whether rows changed and whether the selected entry was touched.</summary>
    private (bool RowsChanged, bool SelectedTouched) ReadEvents(long? selected)
    {
        _events.Clear();
        _subscription!.ReadAll(_events, _options.MaxEventsPerFrame);
        _eventsRead += _events.Count;
        var before = _table.Rows;
        var touched = false;
        var healthChanged = false;
        foreach (var next in _events)
        {
            if (next is EventsDropped dropped)
            {
                _eventsLost += dropped.Count;
                _needResync = true;
                Log.Add(LogSeverity.Warning, string.Create(CultureInfo.InvariantCulture, $"the display fell behind the workspace: {dropped.Count} events not received (the list was reloaded)"));
                continue;
            }

            if (next is LoopHealthSampled health)
            {
                if (_health.Count == _options.HealthSamplesKept)
                {
                    _health.Dequeue();
                }

                _health.Enqueue(health.Sample);
                healthChanged = true;
                continue;
            }

            var entry = _table.Apply(next);
            touched |= entry is { } id && id == selected;
            if (next is TranscriptAppended appended && appended.EntryId == selected)
            {
                _pendingBytes += appended.BytesSent + appended.BytesReceived;
                _pendingEntries += appended.LastSequence - appended.FirstSequence + 1;
            }

            Describe(next);
        }

        if (healthChanged)
        {
            _healthCopy = null;
        }

        return (!ReferenceEquals(before, _table.Rows) || healthChanged, touched);
    }

    /// <summary>Adds the Log tab's line for <paramref name="next"/>, for the events worth one.</summary>
    private void Describe(WorkspaceEvent next)
    {
        switch (next)
        {
            case SessionOpened { ListenerId: { } listener } opened:
                Log.Add(LogSeverity.Info, $"#{opened.SessionId} {opened.Kind}: accepted {opened.Target} on #{listener}");
                break;
            case SessionOpened opened:
                Log.Add(LogSeverity.Info, $"#{opened.SessionId} {opened.Kind} {opened.Target}: connecting");
                break;
            case SessionStateChanged { State: SessionState.Open } open:
                Log.Add(LogSeverity.Info, $"#{open.SessionId}: open");
                break;
            case SessionClosed { State: SessionState.Failed } failed:
                Log.Add(LogSeverity.Error, $"#{failed.SessionId}: failed: {failed.Reason}");
                break;
            case SessionClosed closed:
                Log.Add(LogSeverity.Info, $"#{closed.SessionId}: closed ({closed.Reason}) after {DurationText.Format(closed.Timing.Total)}");
                break;
            case ListenerStateChanged { State: ListenerState.Listening } listening:
                Log.Add(LogSeverity.Info, $"#{listening.ListenerId}: listening on {listening.Address}");
                break;
            case ListenerClosed { State: ListenerState.Failed } failed:
                Log.Add(LogSeverity.Error, $"#{failed.ListenerId}: listener failed: {failed.Reason}");
                break;
            case ListenerClosed stopped:
                Log.Add(LogSeverity.Info, $"#{stopped.ListenerId}: listener stopped");
                break;
            case DeferredUnhandled unhandled:
                Log.Add(LogSeverity.Error, $"#{unhandled.EntryId}: unhandled failure in Deferred #{unhandled.DeferredId}: {unhandled.Failure}");
                break;
            case DeferredCancelled cancelled:
                Log.Add(LogSeverity.Info, $"#{cancelled.EntryId}: Deferred #{cancelled.DeferredId} cancelled");
                break;
        }
    }
}
