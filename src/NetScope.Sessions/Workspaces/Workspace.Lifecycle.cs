using NetScope.Core.Tls;
using NetScope.Core.Transports;
using NetScope.Sessions.Events;
using NetScope.Sessions.Kinds;
using NetScope.Sessions.Observation;
using NetScope.Sessions.Transcripts;
using NetScope.Sessions.Transports;

namespace NetScope.Sessions.Workspaces;

/// <content>How sessions move through their lives, and what their transports and transcripts report (reactor thread).</content>
public sealed partial class Workspace
{
    /// <summary>
    /// Whether the watchdog looks at <paramref name="record"/>: not once its session has ended
    /// (nothing will fire it, and the session says why), nor when it waits for its entry's end by design.
    /// </summary>
    internal bool Watches(Deferreds.DeferredRecord record) =>
        record.Owner is not Session { Ended: true } && !record.Owner.IsLifetime(record.DeferredId);

    /// <summary>A session's protocol was connected to <paramref name="transport"/>.</summary>
    internal void TransportConnected(Session session, ITransport transport)
    {
        if (transport is ITlsTransport tls)
        {
            // The TCP connection under a TLS layer is the bottom transport (layer 0) and the one
            // with TCP_INFO, even when it was accepted outside the session's scope (a TLS listener).
            var lower = tls.LowerTransport;
            AttachTransport(session, lower.Stats);
            if (lower is ITcpTransport lowerTcp && session.KernelSource is null)
            {
                SetKernelSource(session, lowerTcp);
            }

            var record = AttachTransport(session, tls.Stats);
            record.Details ??= () => TlsSessionStarter.Describe(tls);
        }
        else
        {
            AttachTransport(session, transport.Stats);
            if (transport is ITcpTransport tcp && session.KernelSource is null)
            {
                SetKernelSource(session, tcp);
            }
        }

        session.Transport ??= transport;
    }

    /// <summary>Attributes <paramref name="stats"/> to <paramref name="session"/> (once).</summary>
    internal TransportRecord AttachTransport(Session session, TransportStats stats)
    {
        if (session.FindTransport(stats) is { } known)
        {
            return known;
        }

        var record = session.AddTransport(stats);
        ObservationHub.OwnTransport(stats, session);
        Publish(new TransportOpened(session.Id, stats.Id, stats.Kind, record.Layer, stats.State));
        return record;
    }

    internal void SetKernelSource(Session session, ITcpTransport transport)
    {
        session.KernelSource = transport;
        session.KernelStats = transport.Stats;
        AttachTransport(session, transport.Stats);
        SampleKernel(session);
    }

    internal void OpenSession(Session session)
    {
        if (session.State != SessionState.Connecting)
        {
            return;
        }

        session.State = SessionState.Open;
        Publish(new SessionStateChanged(session.Id, SessionState.Open, null));
        session.Opened();
    }

    /// <summary>Ends <paramref name="session"/> for <paramref name="reason"/>: closed for a clean close, failed otherwise.</summary>
    internal void EndSession(Session session, Exception reason)
    {
        if (session.Ended)
        {
            return;
        }

        foreach (var transport in session.TransportRecords)
        {
            PublishCounters(session, transport);
        }

        var state = reason is Core.Errors.ConnectionDoneException ? SessionState.Closed : SessionState.Failed;
        session.Finish(state, Now, reason);
        if (session.Stream is { } stream)
        {
            // A stream that never connected still settles its Deferreds (a refused connect, say).
            session.RunInScope(() => stream.ConnectionFailed(reason));
        }

        Publish(new SessionStateChanged(session.Id, state, session.EndReason));
        Publish(new SessionClosed(session.Id, state, session.EndReason, session.GetTimings()));
        ForgetEndedSessions();
    }

    internal void CloseSession(Session session, bool abort)
    {
        CheckThread();
        if (session.Ended)
        {
            return;
        }

        if (session.State == SessionState.Open)
        {
            session.State = SessionState.Closing;
            Publish(new SessionStateChanged(session.Id, SessionState.Closing, abort ? "aborted" : "closing"));
        }

        if (session.CloseHandler is { } close)
        {
            session.RunInScope(() => close(abort));
        }
        else if (session.Transport is { } transport)
        {
            session.RunInScope(() =>
            {
                if (abort)
                {
                    transport.AbortConnection();
                }
                else
                {
                    transport.LoseConnection();
                }
            });
        }
        else
        {
            session.Connector?.StopConnecting();
        }
    }

    internal void MarkPhase(Session session, string name)
    {
        if (session.Marks.Exists(m => m.Name == name))
        {
            return;
        }

        var now = Now;
        session.Marks.Add((name, now));
        Publish(new PhaseReached(session.Id, name, now - session.StartTime));
    }

    /// <summary>A transport of <paramref name="session"/> changed state (from the observation hub).</summary>
    internal void OnTransportStateChanged(Session session, TransportStats stats, TransportStateChange change)
    {
        if (session.FindTransport(stats) is not { } record)
        {
            return;
        }

        Publish(new TransportStateChanged(session.Id, stats.Id, stats.Kind, change.State, change.Reason));
        var sinceStart = FromReactorTime(change.Time) - session.StartTime;
        var phase = change.State switch
        {
            TransportState.Connecting when record.Layer == 0 => "dns",
            TransportState.Connected when record.Layer == 0 => "connect",
            TransportState.Established when stats.History.Any(h => h.State == TransportState.TlsHandshaking) => "tls",
            _ => null,
        };
        if (phase is not null)
        {
            Publish(new PhaseReached(session.Id, phase, sinceStart));
        }

        if (change.State is TransportState.Closed or TransportState.Failed)
        {
            PublishCounters(session, record);
        }
    }

    private void WatchTranscript(WorkspaceEntry entry)
    {
        var transcript = entry.Transcript;
        transcript.Appended = (sequence, direction, length) =>
        {
            if (entry is Session session)
            {
                NoteFirstBytes(session, direction);
            }

            if (Events.Active)
            {
                Publish(new TranscriptAppended(
                    entry.Id,
                    sequence,
                    sequence,
                    direction == Direction.Sent ? length : 0,
                    direction == Direction.Received ? length : 0,
                    direction == Direction.Note ? 1 : 0,
                    transcript.DroppedBytes));
            }
        };
    }

    private void NoteFirstBytes(Session session, Direction direction)
    {
        if (direction == Direction.Sent && session.FirstByteSentTime is null)
        {
            session.FirstByteSentTime = Now;
            Publish(new PhaseReached(session.Id, "first byte sent", session.FirstByteSentTime.Value - session.StartTime));
        }
        else if (direction == Direction.Received && session.FirstByteReceivedTime is null)
        {
            session.FirstByteReceivedTime = Now;
            Publish(new PhaseReached(session.Id, "first byte received", session.FirstByteReceivedTime.Value - session.StartTime));
        }
    }
}
