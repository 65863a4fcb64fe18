using NetScope.Core.Transports;
using NetScope.Sessions.Snapshots;
using NetScope.Sessions.Streams;
using NetScope.Sessions.Timing;
using NetScope.Sessions.Transports;
using NetScope.Sessions.Workspaces;
using NetScope.Tui.Model;

namespace NetScope.Tui.Tests;

/// <summary>Snapshots of a session as the workspace would copy them, for the detail panes.</summary>
internal static class Details
{
    public static TranscriptSnapshot NoTranscript { get; } = new()
    {
        TotalSent = 0,
        TotalReceived = 0,
        DroppedBytes = 0,
        DroppedEntries = 0,
        FirstSequence = 0,
        NextSequence = 0,
        Entries = [],
    };

    public static SessionSnapshot Session(IReadOnlyList<KernelSample>? kernel = null, string? endReason = null) => new()
    {
        Id = 2,
        Kind = "tcp",
        Target = "127.0.0.1:7007",
        State = endReason is null ? SessionState.Open : SessionState.Failed,
        StartTime = 10,
        EndTime = endReason is null ? null : 12,
        EndReason = endReason,
        Mode = StreamMode.Line,
        Transcript = NoTranscript,
        Transports =
        [
            new TransportSnapshot
            {
                Id = 41,
                Kind = "tcp",
                Layer = 0,
                State = TransportState.Established,
                History = [new(TransportState.Connecting, 10.0001, null), new(TransportState.Connected, 10.0004, null), new(TransportState.Established, 10.0004, null)],
                Local = "127.0.0.1:50000",
                Remote = "127.0.0.1:7007",
                BytesReceived = 2048,
                BytesSent = 12,
                ChunksReceived = 3,
                ChunksSent = 1,
                WriteBufferSize = 0,
                HighWaterMark = 65536,
                LowWaterMark = 16384,
                Producer = ProducerState.None,
                ReadingPaused = false,
            },
        ],
        KernelSamples = kernel ?? [new KernelSample(11, 52, 20, 10, 0, 0, 65535)],
        Timing = new PhaseTimings(
            [new("dns", 0.0001, 0.0001), new("connect", 0.0004, 0.0003), new("tls", null, null), new("first byte sent", 0.5, 0.4996), new("first byte received", 0.5009, 0.0009)],
            2.5,
            new LineRoundTripStats(1, 0.0009, 0.0009, 0.0009, 0.0009)),
        Deferreds = [],
        ForgottenDeferreds = 0,
    };

    public static DetailModel Detail(SessionSnapshot session, IReadOnlyList<double>? throughput = null) => new()
    {
        EntryId = session.Id,
        Time = 12.5,
        Session = session,
        Deferreds = [],
        Throughput = throughput ?? [0, 1000, 4000, 2000],
        RoundTripMillis = [0.05, 0.052],
    };
}
