using NetScope.Core.Observation;
using NetScope.Core.Time;
using NetScope.Sessions.Events;
using NetScope.Sessions.Transports;

namespace NetScope.Sessions.Workspaces;

/// <content>The periodic sampler: byte counters, TCP_INFO, loop health, the watchdog.</content>
public sealed partial class Workspace
{
    private IDelayedCall? _sampler;
    private double _lastKernelSample = double.NegativeInfinity;
    private double _lastHealthSample = double.NegativeInfinity;

    /// <summary>
    /// Samples now instead of at the next tick: publishes byte counters that moved, takes
    /// TCP_INFO and loop-health samples when theirs are due, runs the watchdog, and announces
    /// Deferreds created since the last sample. Reactor thread.
    /// </summary>
    public void SampleNow()
    {
        CheckThread();
        if (_disposed)
        {
            return;
        }

        var now = Now;
        Deferreds?.FlushAnnouncements();
        var kernelDue = now - _lastKernelSample >= Options.KernelSampleIntervalSeconds;
        if (kernelDue)
        {
            _lastKernelSample = now;
        }

        foreach (var session in _sessions)
        {
            if (session.Ended)
            {
                continue;
            }

            foreach (var transport in session.TransportRecords)
            {
                PublishCounters(session, transport);
            }

            if (kernelDue)
            {
                SampleKernel(session);
            }
        }

        if (now - _lastHealthSample >= Options.HealthSampleIntervalSeconds)
        {
            _lastHealthSample = now;
            var sample = _health.Add(Reactor.GetHealth(), now);
            Publish(new LoopHealthSampled(sample));
        }

        Deferreds?.CheckStalled(Options.StallThresholdSeconds);
    }

    private void ScheduleSampling()
    {
        // The sampler is nobody's code: what it does must not be attributed to a session.
        using (ObservationScope.Enter(null))
        {
            _sampler = Reactor.CallLater(Options.SampleIntervalSeconds, () =>
            {
                SampleNow();
                if (!_disposed)
                {
                    ScheduleSampling();
                }
            });
        }
    }

    private void SampleKernel(Session session)
    {
        if (session.KernelSource is not { } source || session.KernelStats is not { } stats || session.Ended)
        {
            return;
        }

        if (source.GetKernelInfo() is not { } info)
        {
            return;
        }

        var sample = new KernelSample(Now, info.RoundTripTimeMicros, info.RoundTripVarianceMicros, info.CongestionWindow, info.TotalRetransmits, info.Unacknowledged, info.PathMtu);
        session.AddKernelSample(sample, Options.KernelSamplesKept);
        Publish(new TcpInfoSampled(session.Id, stats.Id, sample));
    }

    /// <summary>Publishes what moved through <paramref name="transport"/> since it was last published.</summary>
    private void PublishCounters(Session session, TransportRecord transport)
    {
        if (!Events.Active || !transport.CountersChanged)
        {
            return;
        }

        var stats = transport.Stats;
        Publish(new BytesTransferred(
            session.Id,
            stats.Id,
            stats.BytesReceived - transport.PublishedIn,
            stats.BytesSent - transport.PublishedOut,
            stats.ChunksReceived - transport.PublishedChunksIn,
            stats.ChunksSent - transport.PublishedChunksOut,
            stats.BytesReceived,
            stats.BytesSent,
            stats.WriteBufferSize,
            stats.HighWaterMark,
            stats.Producer,
            stats.ReadingPaused));
        transport.PublishedIn = stats.BytesReceived;
        transport.PublishedOut = stats.BytesSent;
        transport.PublishedChunksIn = stats.ChunksReceived;
        transport.PublishedChunksOut = stats.ChunksSent;
        transport.PublishedWriteBuffer = stats.WriteBufferSize;
        transport.PublishedProducer = stats.Producer;
        transport.PublishedReadingPaused = stats.ReadingPaused;
    }
}
