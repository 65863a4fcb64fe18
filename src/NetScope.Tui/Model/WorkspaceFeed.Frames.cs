using System.Diagnostics;
using NetScope.Sessions.Deferreds;
using NetScope.Sessions.Health;
using NetScope.Sessions.Snapshots;

namespace NetScope.Tui.Model;

/// <content>One refresh: events, the selected entry's snapshot, and the frame.</content>
internal sealed partial class WorkspaceFeed
{
    private static readonly HashSet<long> NoEntries = [];
    private LoopHealthSample[]? _healthCopy;
    private TranscriptBuffer? _buffer;
    private DetailModel? _detail;
    private RateSeries _throughput = new();
    private RateSeries _roundTrips = new(0, 120);
    private double _lastKernelSample = double.NegativeInfinity;
    private IReadOnlyList<DeferredSnapshot> _stalled = [];
    private double _lastFetch = double.NegativeInfinity;
    private double _lastPublish = double.NegativeInfinity;
    private double _lastFetchMillis;
    private long _publishedBufferVersion = -1;
    private long? _detailFor;
    private double _workspaceTime;

    /// <summary>
    /// Reads the queued events, fetches the selected entry when it changed (or a second passed),
    /// and publishes a frame when anything moved. One caller at a time (the loop, or a test).
    /// </summary>
    public async Task<ModelFrame> RefreshAsync()
    {
        if (_subscription is null)
        {
            throw new InvalidOperationException("Start the feed first.");
        }

        var selected = Selected;
        var (rowsChanged, touched) = ReadEvents(selected);
        if (_needResync)
        {
            _needResync = false;
            _resyncs++;
            var all = await Fetch(() => _workspace.Snapshot(new SnapshotOptions { TranscriptEntries = 0, IncludeDeferreds = false })).ConfigureAwait(false);
            _table.Reset(all);
            _stalled = all.Stalled;
            _workspaceTime = all.Time;
            rowsChanged = true;
        }

        var now = _time.GetTimestamp();
        var seconds = now / (double)_time.TimestampFrequency;
        if (selected != _detailFor)
        {
            _detailFor = selected;
            _pendingBytes = 0;
            _pendingEntries = 0;
            _buffer = selected is { } id ? new TranscriptBuffer(id, _workspace.Options.TranscriptCapacityBytes) : null;
            _detail = null;
            _throughput = new RateSeries();
            _roundTrips = new RateSeries(0, 120);
            _lastKernelSample = double.NegativeInfinity;
            touched = true;
        }

        var idle = _options.IdleRefresh.TotalSeconds;
        var fetched = false;
        if (touched || seconds - _lastFetch >= idle)
        {
            await FetchSelected(selected, seconds).ConfigureAwait(false);
            fetched = true;
        }

        var frame = _latest;
        // (_buffer?.Version ?? -1): with nothing selected a lifted null never equals -1, which published a new frame every tick.
        if (rowsChanged || fetched || (_buffer?.Version ?? -1) != _publishedBufferVersion || seconds - _lastPublish >= idle)
        {
            _lastPublish = seconds;
            _publishedBufferVersion = _buffer?.Version ?? -1;
            frame = new ModelFrame
            {
                Version = ++_frames,
                Time = _workspaceTime,
                Reactor = _workspace.Reactor.Name,
                Clock = _clock,
                Rows = _table.Rows,
                SelectedId = selected,
                Detail = _detail?.EntryId == selected ? _detail : null,
                Transcript = _buffer,
                Health = _health.Count > 0 ? _health.Last() : null,
                RecentHealth = _healthCopy ??= _health.ToArray(),
                Stalled = _stalled,
                Stats = new FeedStats(_frames, _eventsRead, _eventsLost, _resyncs, _lastFetchMillis),
            };
            Volatile.Write(ref _latest, frame);
        }

        return frame;
    }

    /// <summary>
    /// What to copy of the selected transcript: everything new (from where the buffer stands), or,
    /// when more arrived than a frame shows, only the newest entries (about the per-frame budget).
    /// </summary>
    private (int Entries, Dictionary<long, long>? From, bool Skipping) TranscriptWindow(TranscriptBuffer? buffer)
    {
        var pendingBytes = _pendingBytes;
        var pendingEntries = _pendingEntries;
        _pendingBytes = 0;
        _pendingEntries = 0;
        if (buffer is null)
        {
            return (0, null, false);
        }

        if (!buffer.Started)
        {
            return (buffer.MaxItems, null, false);
        }

        if (pendingBytes > _options.MaxTranscriptBytesPerFrame && pendingEntries > 1)
        {
            var perEntry = Math.Max(1, pendingBytes / pendingEntries);
            var newest = (int)Math.Clamp(_options.MaxTranscriptBytesPerFrame / perEntry, 1, buffer.MaxItems);
            return (newest, null, true);
        }

        return (buffer.MaxItems, new Dictionary<long, long> { [buffer.EntryId] = buffer.NextSequence }, false);
    }

    private async Task FetchSelected(long? selected, double seconds)
    {
        _lastFetch = seconds;
        var started = Stopwatch.GetTimestamp();
        var buffer = _buffer;
        var (entries, from, skipping) = TranscriptWindow(buffer);
        var options = new SnapshotOptions
        {
            Only = selected is { } id ? new HashSet<long> { id } : NoEntries,
            TranscriptEntries = entries,
            TranscriptFrom = from,
            IncludeDeferreds = selected is not null,
        };
        var snapshot = await Fetch(() => _workspace.Snapshot(options)).ConfigureAwait(false);
        _lastFetchMillis = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        _stalled = snapshot.Stalled;
        _workspaceTime = snapshot.Time;
        if (selected is null || buffer is null)
        {
            return;
        }

        if (snapshot.Sessions.FirstOrDefault(s => s.Id == selected) is { } session)
        {
            buffer.Append(session.Transcript, skipping);
            var bottom = session.Transports.FirstOrDefault(t => t.Layer == 0);
            _throughput.Observe(snapshot.Time, (bottom?.BytesReceived ?? 0) + (bottom?.BytesSent ?? 0));
            foreach (var sample in session.KernelSamples.Where(k => k.Time > _lastKernelSample))
            {
                _roundTrips.Push(sample.RoundTripTimeMicros / 1000.0);
                _lastKernelSample = sample.Time;
            }

            _detail = new DetailModel
            {
                EntryId = session.Id,
                Time = snapshot.Time,
                Session = session with { Transcript = session.Transcript with { Entries = [] } },
                Deferreds = DeferredRows.Build(session.Deferreds),
                Throughput = _throughput.Values,
                RoundTripMillis = _roundTrips.Values,
            };
        }
        else if (snapshot.Listeners.FirstOrDefault(l => l.Id == selected) is { } listener)
        {
            buffer.Append(listener.Transcript, skipping);
            _detail = new DetailModel
            {
                EntryId = listener.Id,
                Time = snapshot.Time,
                Listener = listener with { Transcript = listener.Transcript with { Entries = [] } },
                Deferreds = DeferredRows.Build(listener.Deferreds),
                Throughput = [],
                RoundTripMillis = [],
            };
        }
        else
        {
            _detail = null;
        }
    }
}
