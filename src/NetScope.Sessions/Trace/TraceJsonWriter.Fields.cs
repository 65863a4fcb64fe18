using System.Text.Json;
using NetScope.Sessions.Events;

namespace NetScope.Sessions.Trace;

/// <content>The type name and fields of each event type.</content>
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
                w.WriteString("type", "session.opened");
                w.WriteNumber("session", e.SessionId);
                w.WriteString("kind", e.Kind);
                w.WriteString("target", e.Target);
                WriteNumber(w, "listener", e.ListenerId);
                break;
            case SessionStateChanged e:
                w.WriteString("type", "session.state");
                w.WriteNumber("session", e.SessionId);
                w.WriteString("state", TraceFormat.SnakeCase(e.State));
                w.WriteString("reason", e.Reason);
                break;
            case SessionClosed e:
                w.WriteString("type", "session.closed");
                w.WriteNumber("session", e.SessionId);
                w.WriteString("state", TraceFormat.SnakeCase(e.State));
                w.WriteString("reason", e.Reason);
                WriteTiming(w, e.Timing);
                break;
            case ListenerOpened e:
                w.WriteString("type", "listener.opened");
                w.WriteNumber("listener", e.ListenerId);
                w.WriteString("kind", e.Kind);
                w.WriteString("target", e.Target);
                break;
            case ListenerStateChanged e:
                w.WriteString("type", "listener.state");
                w.WriteNumber("listener", e.ListenerId);
                w.WriteString("state", TraceFormat.SnakeCase(e.State));
                w.WriteString("address", e.Address);
                w.WriteString("reason", e.Reason);
                break;
            case ListenerClosed e:
                w.WriteString("type", "listener.closed");
                w.WriteNumber("listener", e.ListenerId);
                w.WriteString("state", TraceFormat.SnakeCase(e.State));
                w.WriteString("reason", e.Reason);
                break;
            case TransportOpened e:
                w.WriteString("type", "transport.opened");
                w.WriteNumber("session", e.SessionId);
                w.WriteNumber("transport", e.TransportId);
                w.WriteString("kind", e.TransportKind);
                w.WriteNumber("layer", e.Layer);
                w.WriteString("state", TraceFormat.SnakeCase(e.State));
                break;
            case TransportStateChanged e:
                w.WriteString("type", "transport.state");
                w.WriteNumber("session", e.SessionId);
                w.WriteNumber("transport", e.TransportId);
                w.WriteString("kind", e.TransportKind);
                w.WriteString("state", TraceFormat.SnakeCase(e.State));
                w.WriteString("reason", e.Reason);
                break;
            case BytesTransferred e:
                w.WriteString("type", "transport.bytes");
                w.WriteNumber("session", e.SessionId);
                w.WriteNumber("transport", e.TransportId);
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
            case TranscriptAppended e:
                w.WriteString("type", "transcript.appended");
                w.WriteNumber("entry", e.EntryId);
                w.WriteNumber("first_seq", e.FirstSequence);
                w.WriteNumber("last_seq", e.LastSequence);
                w.WriteNumber("bytes_sent", e.BytesSent);
                w.WriteNumber("bytes_received", e.BytesReceived);
                w.WriteNumber("notes", e.Notes);
                w.WriteNumber("dropped_bytes", e.DroppedBytes);
                break;
            case PhaseReached e:
                w.WriteString("type", "session.phase");
                w.WriteNumber("session", e.SessionId);
                w.WriteString("phase", e.Phase);
                WriteSeconds(w, "since_start", e.SinceStart);
                break;
            case TcpInfoSampled e:
                w.WriteString("type", "tcp.info");
                w.WriteNumber("session", e.SessionId);
                w.WriteNumber("transport", e.TransportId);
                w.WriteNumber("rtt_us", e.Sample.RoundTripTimeMicros);
                w.WriteNumber("rttvar_us", e.Sample.RoundTripVarianceMicros);
                w.WriteNumber("cwnd", e.Sample.CongestionWindow);
                w.WriteNumber("retransmits", e.Sample.Retransmits);
                w.WriteNumber("unacked", e.Sample.Unacknowledged);
                w.WriteNumber("pmtu", e.Sample.PathMtu);
                break;
            case LoopHealthSampled e:
                WriteHealth(w, e);
                break;
            default:
                WriteDeferredFields(w, next);
                break;
        }
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
                w.WriteString("type", "deferred.created");
                WriteDeferredId(w, e.EntryId, e.DeferredId);
                w.WriteString("label", e.Label);
                w.WriteString("site", e.CreationSite);
                WriteSeconds(w, "created_at", e.CreatedAt);
                break;
            case DeferredLinkAdded e:
                w.WriteString("type", "deferred.link_added");
                WriteDeferredId(w, e.EntryId, e.DeferredId);
                w.WriteNumber("index", e.Index);
                w.WriteString("callback", e.Callback);
                w.WriteString("errback", e.Errback);
                break;
            case DeferredFired e:
                w.WriteString("type", "deferred.fired");
                WriteDeferredId(w, e.EntryId, e.DeferredId);
                w.WriteBoolean("failed", e.Failed);
                w.WriteString("result", e.Result);
                break;
            case DeferredStepRan e:
                w.WriteString("type", "deferred.step");
                WriteDeferredId(w, e.EntryId, e.DeferredId);
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
                w.WriteString("type", "deferred.pause");
                WriteDeferredId(w, e.EntryId, e.DeferredId);
                w.WriteNumber("pause_count", e.PauseCount);
                WriteNumber(w, "waiting_on", e.WaitingOn);
                break;
            case DeferredCancelled e:
                w.WriteString("type", "deferred.cancelled");
                WriteDeferredId(w, e.EntryId, e.DeferredId);
                break;
            case DeferredUnhandled e:
                w.WriteString("type", "deferred.unhandled");
                WriteDeferredId(w, e.EntryId, e.DeferredId);
                w.WriteString("failure", e.Failure);
                w.WriteStartArray("chain");
                foreach (var line in e.Chain)
                {
                    w.WriteStringValue(line);
                }

                w.WriteEndArray();
                break;
            case DeferredUnhandledCleared e:
                w.WriteString("type", "deferred.unhandled_cleared");
                WriteDeferredId(w, e.EntryId, e.DeferredId);
                break;
            case DeferredStalled e:
                w.WriteString("type", "deferred.stalled");
                WriteDeferredId(w, e.EntryId, e.DeferredId);
                w.WriteString("label", e.Label);
                WriteSeconds(w, "age", e.AgeSeconds);
                w.WriteString("site", e.CreationSite);
                break;
            default:
                throw new ArgumentException($"No trace format for {next.GetType().Name}; document it in docs/trace-format.md and add it here.", nameof(next));
        }
    }

    private static void WriteDeferredId(Utf8JsonWriter w, long entry, long deferred)
    {
        w.WriteNumber("entry", entry);
        w.WriteNumber("deferred", deferred);
    }
}
