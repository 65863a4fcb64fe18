using NetScope.Core.Protocols;
using NetScope.Core.Protocols.Basic;
using NetScope.Sessions.Deferreds;
using NetScope.Sessions.Snapshots;
using NetScope.Sessions.Streams;
using NetScope.Sessions.Transports;

namespace NetScope.Sessions.Workspaces;

/// <content>Bounded copies of the model for other threads and for rendering.</content>
public sealed partial class Workspace
{
    private static readonly SnapshotOptions DefaultSnapshot = new();

    /// <summary>Copies the workspace, bounded by <paramref name="options"/>. Reactor thread (others: <see cref="SnapshotAsync"/>).</summary>
    public WorkspaceSnapshot Snapshot(SnapshotOptions? options = null)
    {
        CheckThread();
        options ??= DefaultSnapshot;
        var now = Now;
        return new WorkspaceSnapshot
        {
            Time = now,
            Reactor = Reactor.Name,
            Sessions = _sessions.Where(s => options.Only?.Contains(s.Id) ?? true).Select(s => SnapshotOf(s, options, now)).ToArray(),
            Listeners = _listeners.Where(l => options.Only?.Contains(l.Id) ?? true).Select(l => SnapshotOf(l, options, now)).ToArray(),
            Health = _health.Latest,
            RecentHealth = _health.Recent,
            Stalled = Deferreds?.Stalled(Options.StallThresholdSeconds) ?? [],
            EventsPublished = Events.Published,
        };
    }

    /// <summary>Copies one session, or returns <see langword="null"/> if it is not remembered. Reactor thread.</summary>
    public SessionSnapshot? SnapshotSession(long id, SnapshotOptions? options = null)
    {
        CheckThread();
        return FindSession(id) is { } session ? SnapshotOf(session, options ?? DefaultSnapshot, Now) : null;
    }

    private SessionSnapshot SnapshotOf(Session session, SnapshotOptions options, double now) => new()
    {
        Id = session.Id,
        Kind = session.Kind,
        Target = session.Target,
        ListenerId = session.Listener?.Id,
        State = session.State,
        StartTime = session.StartTime,
        EndTime = session.EndTime,
        EndReason = session.EndReason,
        Mode = session.Stream?.Mode ?? LineModeOf(session.Protocol),
        PartialLineBytes = session.Stream?.PartialLineLength ?? (session.Protocol is LineReceiver { Mode: LineReceiverMode.Line } lines ? lines.BufferedLength : 0),
        MaxLineLength = session.Stream is null && session.Protocol is LineReceiver receiver ? receiver.MaxLength : StreamSession.MaxLineLength,
        Transcript = SnapshotOf(session, options),
        Transports = session.TransportRecords.Select(SnapshotOf).ToArray(),
        KernelSamples = session.KernelSamples,
        Timing = session.GetTimings(),
        Deferreds = DeferredsOf(session, options, now),
        ForgottenDeferreds = session.ForgottenDeferreds,
    };

    /// <summary>Line or raw for a protocol built on the core's <see cref="LineReceiver"/> (a listener's line echo, chat); otherwise none.</summary>
    private static StreamMode? LineModeOf(IProtocol? protocol) => protocol switch
    {
        LineReceiver { Mode: LineReceiverMode.Line } => StreamMode.Line,
        LineReceiver => StreamMode.Raw,
        _ => null,
    };

    private ListenerSnapshot SnapshotOf(Listener listener, SnapshotOptions options, double now) => new()
    {
        Id = listener.Id,
        Kind = listener.Kind,
        Target = listener.Target,
        State = listener.State,
        Address = listener.Address,
        StartTime = listener.StartTime,
        EndTime = listener.EndTime,
        EndReason = listener.EndReason,
        Accepted = listener.Accepted.Select(s => s.Id).ToArray(),
        Transcript = SnapshotOf(listener, options),
        Deferreds = DeferredsOf(listener, options, now),
    };

    private static TranscriptSnapshot SnapshotOf(WorkspaceEntry entry, SnapshotOptions options)
    {
        var transcript = entry.Transcript;
        var max = Math.Max(0, options.TranscriptEntries);
        var from = options.TranscriptFrom is { } asked && asked.TryGetValue(entry.Id, out var start)
            ? start
            : Math.Max(transcript.FirstSequence, transcript.NextSequence - max);
        return new TranscriptSnapshot
        {
            TotalSent = transcript.TotalSent,
            TotalReceived = transcript.TotalReceived,
            DroppedBytes = transcript.DroppedBytes,
            DroppedEntries = transcript.DroppedEntries,
            FirstSequence = transcript.FirstSequence,
            NextSequence = transcript.NextSequence,
            Entries = max == 0 ? [] : transcript.Read(from, max),
        };
    }

    private TransportSnapshot SnapshotOf(TransportRecord record)
    {
        var stats = record.Stats;
        return new TransportSnapshot
        {
            Id = stats.Id,
            Kind = stats.Kind,
            Layer = record.Layer,
            State = stats.State,
            History = stats.History.Select(h => h with { Time = FromReactorTime(h.Time) }).ToArray(),
            Local = stats.Local is null ? null : Describe(stats.Local),
            Remote = stats.Remote is null ? null : Describe(stats.Remote),
            BytesReceived = stats.BytesReceived,
            BytesSent = stats.BytesSent,
            ChunksReceived = stats.ChunksReceived,
            ChunksSent = stats.ChunksSent,
            WriteBufferSize = stats.WriteBufferSize,
            HighWaterMark = stats.HighWaterMark,
            LowWaterMark = stats.LowWaterMark,
            Producer = stats.Producer,
            ReadingPaused = stats.ReadingPaused,
            EndReason = stats.EndReason,
            FirstByteReceived = stats.FirstByteReceivedTime is { } received ? FromReactorTime(received) : null,
            FirstByteSent = stats.FirstByteSentTime is { } sent ? FromReactorTime(sent) : null,
            Details = record.Details?.Invoke() ?? [],
        };
    }

    private static IReadOnlyList<DeferredSnapshot> DeferredsOf(WorkspaceEntry entry, SnapshotOptions options, double now) =>
        options.IncludeDeferreds ? entry.DeferredRecords.Select(r => r.ToSnapshot(now)).ToArray() : [];
}
