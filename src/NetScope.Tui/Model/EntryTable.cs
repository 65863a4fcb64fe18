using NetScope.Core.Transports;
using NetScope.Sessions.Events;
using NetScope.Sessions.Snapshots;
using NetScope.Sessions.Workspaces;

namespace NetScope.Tui.Model;

/// <summary>
/// The list's rows, kept up to date from the event stream (no snapshot per frame: a thousand
/// sessions cost one dictionary update per event, not a thousand copies). Ended sessions beyond
/// <see cref="MaxEndedSessions"/> are forgotten, oldest first, as the workspace forgets them.
/// Used by the feed's thread only.
/// </summary>
internal sealed class EntryTable
{
    private readonly SortedDictionary<long, EntryRow> _rows = new();
    private readonly Dictionary<long, long> _bottomTransport = new();
    private readonly HashSet<long> _secure = new();
    private readonly Queue<long> _ended = new();
    private EntryRow[]? _cached;

    public EntryTable(int maxEndedSessions)
    {
        MaxEndedSessions = maxEndedSessions;
    }

    /// <summary>Ended sessions remembered at most.</summary>
    public int MaxEndedSessions { get; }

    /// <summary>Rows by number.</summary>
    public int Count => _rows.Count;

    /// <summary>Every row, by number (the same array until something changes).</summary>
    public IReadOnlyList<EntryRow> Rows => _cached ??= _rows.Values.ToArray();

    /// <summary>The row numbered <paramref name="id"/>, if known.</summary>
    public EntryRow? Find(long id) => _rows.GetValueOrDefault(id);

    /// <summary>Replaces everything with what <paramref name="snapshot"/> shows (at start, and after events were lost).</summary>
    public void Reset(WorkspaceSnapshot snapshot)
    {
        _rows.Clear();
        _bottomTransport.Clear();
        _secure.Clear();
        _ended.Clear();
        foreach (var listener in snapshot.Listeners)
        {
            _rows[listener.Id] = new EntryRow(
                listener.Id, true, null, listener.Kind, listener.Target, StatusOf(listener.State), 0, 0,
                listener.StartTime, listener.EndTime, listener.EndReason, listener.Address);
        }

        foreach (var session in snapshot.Sessions)
        {
            var bottom = session.Transports.FirstOrDefault(t => t.Layer == 0);
            if (bottom is not null)
            {
                _bottomTransport[session.Id] = bottom.Id;
            }

            if (session.Transports.Any(t => t.Kind == "tls" && t.State == TransportState.Established))
            {
                _secure.Add(session.Id);
            }

            _rows[session.Id] = new EntryRow(
                session.Id, false, session.ListenerId, session.Kind, session.Target, StatusOf(session.State, _secure.Contains(session.Id)),
                bottom?.BytesReceived ?? 0, bottom?.BytesSent ?? 0, session.StartTime, session.EndTime, session.EndReason, null);
            if (session.EndTime is not null)
            {
                _ended.Enqueue(session.Id);
            }
        }

        _cached = null;
    }

    /// <summary>Applies one event; returns the number of the entry it changed, if any.</summary>
    public long? Apply(WorkspaceEvent next)
    {
        switch (next)
        {
            case SessionOpened opened:
                Set(new EntryRow(opened.SessionId, false, opened.ListenerId, opened.Kind, opened.Target, EntryStatus.Connecting, 0, 0, next.Time, null, null, null));
                return opened.SessionId;
            case SessionStateChanged changed when Find(changed.SessionId) is { } row:
                Set(row with { Status = StatusOf(changed.State, _secure.Contains(row.Id)), Reason = changed.Reason ?? row.Reason });
                return row.Id;
            case SessionClosed closed when Find(closed.SessionId) is { } row:
                Set(row with { Status = StatusOf(closed.State, secure: false), EndTime = next.Time, Reason = closed.Reason });
                Ended(row.Id);
                return row.Id;
            case TransportOpened transport when Find(transport.SessionId) is { } row:
                if (transport.Layer == 0)
                {
                    _bottomTransport[row.Id] = transport.TransportId;
                }

                return Secure(row, transport.TransportKind, transport.State);
            case TransportStateChanged transport when Find(transport.SessionId) is { } row:
                return Secure(row, transport.TransportKind, transport.State);
            case BytesTransferred bytes when Find(bytes.SessionId) is { } row:
                if (!_bottomTransport.TryGetValue(row.Id, out var bottomId))
                {
                    _bottomTransport[row.Id] = bottomId = bytes.TransportId;
                }

                if (bottomId == bytes.TransportId)
                {
                    Set(row with { BytesIn = bytes.TotalIn, BytesOut = bytes.TotalOut });
                }

                return row.Id;
            case ListenerOpened opened:
                Set(new EntryRow(opened.ListenerId, true, null, opened.Kind, opened.Target, EntryStatus.Starting, 0, 0, next.Time, null, null, null));
                return opened.ListenerId;
            case ListenerStateChanged changed when Find(changed.ListenerId) is { } row:
                Set(row with { Status = StatusOf(changed.State), Address = changed.Address ?? row.Address, Reason = changed.Reason ?? row.Reason });
                return row.Id;
            case ListenerClosed closed when Find(closed.ListenerId) is { } row:
                Set(row with { Status = StatusOf(closed.State), EndTime = next.Time, Reason = closed.Reason ?? row.Reason });
                return row.Id;
            case TranscriptAppended appended:
                return appended.EntryId;
            case PhaseReached phase:
                return phase.SessionId;
            case TcpInfoSampled info:
                return info.SessionId;
            case DeferredCreated d:
                return d.EntryId;
            case DeferredFired d:
                return d.EntryId;
            case DeferredLinkAdded d:
                return d.EntryId;
            case DeferredStepRan d:
                return d.EntryId;
            case DeferredPauseChanged d:
                return d.EntryId;
            case DeferredCancelled d:
                return d.EntryId;
            case DeferredUnhandled d:
                return d.EntryId;
            case DeferredUnhandledCleared d:
                return d.EntryId;
            case DeferredStalled d:
                return d.EntryId;
            default:
                return null;
        }
    }

    /// <summary>The UI state of a session in <paramref name="state"/>.</summary>
    public static EntryStatus StatusOf(SessionState state, bool secure) => state switch
    {
        SessionState.Connecting => EntryStatus.Connecting,
        SessionState.Open => secure ? EntryStatus.Secure : EntryStatus.Open,
        SessionState.Closing => EntryStatus.Closing,
        SessionState.Closed => EntryStatus.Closed,
        _ => EntryStatus.Failed,
    };

    /// <summary>The UI state of a listener in <paramref name="state"/>.</summary>
    public static EntryStatus StatusOf(ListenerState state) => state switch
    {
        ListenerState.Starting => EntryStatus.Starting,
        ListenerState.Listening => EntryStatus.Listening,
        ListenerState.Stopped => EntryStatus.Stopped,
        _ => EntryStatus.Failed,
    };

    private long Secure(EntryRow row, string transportKind, TransportState state)
    {
        if (transportKind == "tls" && state == TransportState.Established && _secure.Add(row.Id) && row.Status == EntryStatus.Open)
        {
            Set(row with { Status = EntryStatus.Secure });
        }

        return row.Id;
    }

    private void Set(EntryRow row)
    {
        _rows[row.Id] = row;
        _cached = null;
    }

    private void Ended(long id)
    {
        _ended.Enqueue(id);
        while (_ended.Count > MaxEndedSessions)
        {
            var forgotten = _ended.Dequeue();
            _rows.Remove(forgotten);
            _bottomTransport.Remove(forgotten);
            _secure.Remove(forgotten);
        }
    }
}
