using NetScope.Core.Transports;
using NetScope.Sessions.Timing;

namespace NetScope.Sessions.Workspaces;

/// <content>Phase timings, curl <c>-w</c> style, from the transports' state histories and the first bytes.</content>
public sealed partial class Session
{
    /// <summary>
    /// The session's phase breakdown so far: dns (only when a name was resolved), connect, tls,
    /// first byte sent, first byte received, and the kind's own milestones; the phases reached are
    /// in the order they were reached, each one not reached ("-") stays in its place in that list.
    /// </summary>
    public PhaseTimings GetTimings()
    {
        var reached = new List<(string Name, double? Time)>
        {
            ("dns", null),
            ("connect", null),
            ("tls", null),
            ("first byte sent", FirstByteSentTime),
            ("first byte received", FirstByteReceivedTime),
        };
        if (_transports.Count > 0)
        {
            var bottom = _transports[0].Stats;

            // dns is reached only when a name was resolved: an IP literal starts out connecting, and
            // what came before that is set-up, not a lookup (curl reports ~0 for a literal).
            if (TimeOf(bottom, TransportState.Resolving) is not null)
            {
                reached[0] = ("dns", TimeOf(bottom, TransportState.Connecting));
            }

            reached[1] = ("connect", TimeOf(bottom, TransportState.Connected));
        }

        foreach (var transport in _transports)
        {
            if (TimeOf(transport.Stats, TransportState.TlsHandshaking) is not null)
            {
                reached[2] = ("tls", TimeOf(transport.Stats, TransportState.Established));
            }
        }

        foreach (var (name, time) in Marks)
        {
            reached.Add((name, time));
        }

        InTimeOrder(reached);

        var phases = new List<PhaseTiming>(reached.Count);
        for (var i = 0; i < reached.Count; i++)
        {
            var (name, time) = reached[i];
            if (time is not { } at)
            {
                phases.Add(new PhaseTiming(name, null, null));
                continue;
            }

            // Each phase took the time since the latest phase that ended before it (curl's breakdown).
            var previous = StartTime;
            for (var j = 0; j < reached.Count; j++)
            {
                if (j != i && reached[j].Time is { } end && (end < at || (end == at && j < i)) && end > previous)
                {
                    previous = end;
                }
            }

            phases.Add(new PhaseTiming(name, at - StartTime, at - previous));
        }

        var total = (EndTime ?? Workspace.Now) - StartTime;
        return new PhaseTimings(phases, total, LineRoundTrips.Stats());
    }

    /// <summary>
    /// Puts the phases reached in the order they were reached (a reply can come before the first
    /// byte sent; an HTTP kind's milestones interleave with the first bytes), leaving each phase not
    /// reached in its place in the fixed list. Ties keep the fixed order.
    /// </summary>
    private static void InTimeOrder(List<(string Name, double? Time)> phases)
    {
        var slots = Enumerable.Range(0, phases.Count).Where(i => phases[i].Time is not null).ToArray();
        var ordered = slots.Select(i => phases[i]).OrderBy(p => p.Time!.Value).ToArray();
        for (var k = 0; k < slots.Length; k++)
        {
            phases[slots[k]] = ordered[k];
        }
    }

    /// <summary>When <paramref name="stats"/> entered <paramref name="state"/> (seconds since the workspace started), if it did.</summary>
    private double? TimeOf(TransportStats stats, TransportState state)
    {
        foreach (var change in stats.History)
        {
            if (change.State == state)
            {
                return Workspace.FromReactorTime(change.Time);
            }
        }

        return null;
    }
}
