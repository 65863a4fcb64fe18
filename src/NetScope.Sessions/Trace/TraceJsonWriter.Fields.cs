using System.Text.Json;
using NetScope.Sessions.Events;

namespace NetScope.Sessions.Trace;

/// <content>
/// The type name and fields of each event type. Every event starts with its <c>type</c> and the
/// ids of what it is about (a session, a listener, a transport, a Deferred): the <c>Begin…</c>
/// helpers write that head, so each case lists only the fields of its own type.
/// </content>
public static partial class TraceJsonWriter
{
    private static void WriteFields(Utf8JsonWriter w, WorkspaceEvent next)
    {
        switch (next)
        {
            case EventsDropped e:
                w.WriteString("type", "events.dropped");
                w.WriteNumber("count", e.Count);
                break;
            case SessionOpened e:
                BeginSession(w, "session.opened", e.SessionId);
                WriteKindAndTarget(w, e.Kind, e.Target);
                WriteNumber(w, "listener", e.ListenerId);
                break;
            case SessionStateChanged e:
                BeginSession(w, "session.state", e.SessionId);
                WriteStateAndReason(w, TraceFormat.SnakeCase(e.State), e.Reason);
                break;
            case SessionClosed e:
                BeginSession(w, "session.closed", e.SessionId);
                WriteStateAndReason(w, TraceFormat.SnakeCase(e.State), e.Reason);
                WriteTiming(w, e.Timing);
                break;
            case PhaseReached e:
                BeginSession(w, "session.phase", e.SessionId);
                w.WriteString("phase", e.Phase);
                WriteSeconds(w, "since_start", e.SinceStart);
                break;
            case ListenerOpened e:
                BeginListener(w, "listener.opened", e.ListenerId);
                WriteKindAndTarget(w, e.Kind, e.Target);
                break;
            case ListenerStateChanged e:
                BeginListener(w, "listener.state", e.ListenerId);
                w.WriteString("state", TraceFormat.SnakeCase(e.State));
                w.WriteString("address", e.Address);
                w.WriteString("reason", e.Reason);
                break;
            case ListenerClosed e:
                BeginListener(w, "listener.closed", e.ListenerId);
                WriteStateAndReason(w, TraceFormat.SnakeCase(e.State), e.Reason);
                break;
            case TranscriptAppended e:
                WriteTranscript(w, e);
                break;
            case LoopHealthSampled e:
                WriteHealth(w, e);
                break;
            default:
                WriteTransportFields(w, next);
                break;
        }
    }

    private static void WriteTransportFields(Utf8JsonWriter w, WorkspaceEvent next)
    {
        switch (next)
        {
            case TransportOpened e:
                BeginTransport(w, "transport.opened", e.SessionId, e.TransportId);
                w.WriteString("kind", e.TransportKind);
                w.WriteNumber("layer", e.Layer);
                w.WriteString("state", TraceFormat.SnakeCase(e.State));
                break;
            case TransportStateChanged e:
                BeginTransport(w, "transport.state", e.SessionId, e.TransportId);
                w.WriteString("kind", e.TransportKind);
                WriteStateAndReason(w, TraceFormat.SnakeCase(e.State), e.Reason);
                break;
            case BytesTransferred e:
                BeginTransport(w, "transport.bytes", e.SessionId, e.TransportId);
                w.WriteNumber("bytes_in", e.BytesIn);
                w.WriteNumber("bytes_out", e.BytesOut);
                w.WriteNumber("chunks_in", e.ChunksIn);
                w.WriteNumber("chunks_out", e.ChunksOut);
                w.WriteNumber("total_in", e.TotalIn);
                w.WriteNumber("total_out", e.TotalOut);
                w.WriteNumber("write_buffer", e.WriteBuffer);
                w.WriteNumber("high_water", e.HighWaterMark);
                w.WriteString("producer", TraceFormat.SnakeCase(e.Producer));
                w.WriteBoolean("reading_paused", e.ReadingPaused);
                break;
            case TcpInfoSampled e:
                BeginTransport(w, "tcp.info", e.SessionId, e.TransportId);
                var sample = e.Sample;
                w.WriteNumber("rtt_us", sample.RoundTripTimeMicros);
                w.WriteNumber("rttvar_us", sample.RoundTripVarianceMicros);
                w.WriteNumber("cwnd", sample.CongestionWindow);
                w.WriteNumber("retransmits", sample.Retransmits);
                w.WriteNumber("unacked", sample.Unacknowledged);
                w.WriteNumber("pmtu", sample.PathMtu);
                break;
            default:
                WriteDeferredFields(w, next);
                break;
        }
    }

    private static void WriteTranscript(Utf8JsonWriter w, TranscriptAppended e)
    {
        w.WriteString("type", "transcript.appended");
        w.WriteNumber("entry", e.EntryId);
        w.WriteNumber("first_seq", e.FirstSequence);
        w.WriteNumber("last_seq", e.LastSequence);
        w.WriteNumber("bytes_sent", e.BytesSent);
        w.WriteNumber("bytes_received", e.BytesReceived);
        w.WriteNumber("notes", e.Notes);
        w.WriteNumber("dropped_bytes", e.DroppedBytes);
    }

    private static void WriteHealth(Utf8JsonWriter w, LoopHealthSampled e)
    {
        var sample = e.Sample;
        w.WriteString("type", "loop.health");
        w.WriteNumber("iterations", sample.Iterations);
        if (sample.IterationsPerSecond is { } rate)
        {
            w.WriteNumber("iterations_per_s", Math.Round(rate, 1));
        }
        else
        {
            w.WriteNull("iterations_per_s");
        }

        WriteSeconds(w, "lag", sample.LagSeconds);
        WriteSeconds(w, "max_lag", sample.MaxLagSeconds);
        w.WriteNumber("readers", sample.Readers);
        w.WriteNumber("writers", sample.Writers);
        w.WriteNumber("pending_calls", sample.PendingCalls);
        w.WriteStartArray("next_calls");
        foreach (var call in sample.NextCalls)
        {
            w.WriteStartObject();
            w.WriteString("what", call.Description);
            WriteSeconds(w, "due_in", call.DueInSeconds);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("thread_calls", sample.ThreadCallQueue);
        w.WriteNumber("pool_queue", sample.PoolQueue);
        w.WriteNumber("pool_busy", sample.PoolBusy);
        w.WriteNumber("pool_threads", sample.PoolThreads);
    }

    private static void WriteDeferredFields(Utf8JsonWriter w, WorkspaceEvent next)
    {
        switch (next)
        {
            case DeferredCreated e:
                BeginDeferred(w, "deferred.created", e.EntryId, e.DeferredId);
                w.WriteString("label", e.Label);
                w.WriteString("site", e.CreationSite);
                WriteSeconds(w, "created_at", e.CreatedAt);
                break;
            case DeferredLinkAdded e:
                BeginDeferred(w, "deferred.link_added", e.EntryId, e.DeferredId);
                w.WriteNumber("index", e.Index);
                w.WriteString("callback", e.Callback);
                w.WriteString("errback", e.Errback);
                break;
            case DeferredFired e:
                BeginDeferred(w, "deferred.fired", e.EntryId, e.DeferredId);
                w.WriteBoolean("failed", e.Failed);
                w.WriteString("result", e.Result);
                break;
            case DeferredStepRan e:
                BeginDeferred(w, "deferred.step", e.EntryId, e.DeferredId);
                w.WriteNumber("index", e.Index);
                w.WriteString("path", e.OnErrbackPath ? "errback" : "callback");
                w.WriteBoolean("ran", e.Ran);
                w.WriteString("name", e.Name);
                w.WriteString("outcome", e.Outcome);
                w.WriteBoolean("failed", e.Failed);
                WriteNumber(w, "waiting_on", e.WaitingOn);
                WriteSeconds(w, "duration", e.DurationSeconds);
                break;
            case DeferredPauseChanged e:
                BeginDeferred(w, "deferred.pause", e.EntryId, e.DeferredId);
                w.WriteNumber("pause_count", e.PauseCount);
                WriteNumber(w, "waiting_on", e.WaitingOn);
                break;
            case DeferredCancelled e:
                BeginDeferred(w, "deferred.cancelled", e.EntryId, e.DeferredId);
                break;
            case DeferredUnhandled e:
                BeginDeferred(w, "deferred.unhandled", e.EntryId, e.DeferredId);
                w.WriteString("failure", e.Failure);
                w.WriteStartArray("chain");
                foreach (var line in e.Chain)
                {
                    w.WriteStringValue(line);
                }

                w.WriteEndArray();
                break;
            case DeferredUnhandledCleared e:
                BeginDeferred(w, "deferred.unhandled_cleared", e.EntryId, e.DeferredId);
                break;
            case DeferredStalled e:
                BeginDeferred(w, "deferred.stalled", e.EntryId, e.DeferredId);
                w.WriteString("label", e.Label);
                WriteSeconds(w, "age", e.AgeSeconds);
                w.WriteString("site", e.CreationSite);
                break;
            default:
                throw new ArgumentException($"No trace format for {next.GetType().Name}; document it in docs/trace-format.md and add it here.", nameof(next));
        }
    }

    private static void BeginSession(Utf8JsonWriter w, string type, long session)
    {
        w.WriteString("type", type);
        w.WriteNumber("session", session);
    }

    private static void BeginListener(Utf8JsonWriter w, string type, long listener)
    {
        w.WriteString("type", type);
        w.WriteNumber("listener", listener);
    }

    private static void BeginTransport(Utf8JsonWriter w, string type, long session, long transport)
    {
        BeginSession(w, type, session);
        w.WriteNumber("transport", transport);
    }

    private static void BeginDeferred(Utf8JsonWriter w, string type, long entry, long deferred)
    {
        w.WriteString("type", type);
        w.WriteNumber("entry", entry);
        w.WriteNumber("deferred", deferred);
    }

    private static void WriteKindAndTarget(Utf8JsonWriter w, string kind, string target)
    {
        w.WriteString("kind", kind);
        w.WriteString("target", target);
    }

    private static void WriteStateAndReason(Utf8JsonWriter w, string state, string? reason)
    {
        w.WriteString("state", state);
        w.WriteString("reason", reason);
    }
}
