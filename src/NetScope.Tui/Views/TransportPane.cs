using System.Globalization;
using NetScope.Core.Transports;
using NetScope.Sessions.Rendering;
using NetScope.Sessions.Snapshots;
using NetScope.Sessions.Transports;
using NetScope.Tui.Model;
using NetScope.Tui.Theme;
using Terminal.Gui.ViewBase;

namespace NetScope.Tui.Views;

/// <summary>
/// The Transport tab: the selected session's transports (bottom layer first) with their state
/// timelines, counters, write buffer and producer, the TLS layer's details, and TCP_INFO with small
/// live graphs of throughput and round-trip time. For a listener: where it listens and what it accepted.
/// </summary>
internal sealed class TransportPane : LinesPane, IDetailTab
{
    private const int GraphRows = 2;

    public TransportPane(TuiStyle style)
        : base(style)
    {
        Title = "Transport";
        EmptyText = StyledLine.Of("select a session or listener", StyleRole.Hint);
    }

    /// <inheritdoc/>
    public View View => this;

    /// <inheritdoc/>
    public IReadOnlyList<(string Key, string Action)> Keys => [("↑↓", "Scroll")];

    /// <inheritdoc/>
    public void Show(ModelFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        SetLines(Build(frame.Detail, frame.Rows.FirstOrDefault(r => r.Id == frame.SelectedId), Math.Max(10, Viewport.Width)));
    }

    /// <summary>The tab's lines for <paramref name="detail"/>, graphs <paramref name="width"/> cells wide.</summary>
    public IReadOnlyList<StyledLine> Build(DetailModel? detail, EntryRow? row, int width)
    {
        if (detail?.Session is { } session)
        {
            return Session(session, detail, row, width);
        }

        if (detail?.Listener is { } listener)
        {
            return Listener(listener, row);
        }

        return [];
    }

    private List<StyledLine> Session(SessionSnapshot session, DetailModel detail, EntryRow? row, int width)
    {
        var lines = new List<StyledLine>
        {
            StyledLine.Of($"#{session.Id} {session.Kind} {session.Target}", StyleRole.Heading),
            StyledLine.Field("state", StateText(session, row), valueRole: row is null ? StyleRole.Normal : EntryListView.RoleOf(row.Status)),
        };
        if (session.Mode is { } mode)
        {
            lines.Add(StyledLine.Field("framing", mode.ToString().ToLowerInvariant() + (session.PartialLineBytes > 0 ? $" ({session.PartialLineBytes} bytes of a partial line held)" : string.Empty)));
        }

        foreach (var transport in session.Transports)
        {
            lines.Add(StyledLine.Blank);
            lines.AddRange(Transport(transport, session.StartTime));
        }

        lines.Add(StyledLine.Blank);
        lines.Add(StyledLine.Of("TLS", StyleRole.Heading));
        var tls = session.Transports.FirstOrDefault(t => t.Details.Count > 0);
        if (tls is null)
        {
            lines.Add(StyledLine.Of("  not in use (plain TCP)", StyleRole.Dim));
        }
        else
        {
            lines.AddRange(tls.Details.Select(d => StyledLine.Field("  " + d.Key, d.Value)));
        }

        lines.Add(StyledLine.Blank);
        lines.AddRange(Kernel(session.KernelSamples));
        lines.Add(StyledLine.Blank);
        var rate = detail.Throughput.Count > 0 ? Units.Rate(detail.Throughput[^1]) : "-";
        lines.Add(new StyledLine([new Span("throughput".PadRight(16), StyleRole.Heading), new Span(rate + " (in+out)", StyleRole.Normal)]));
        lines.AddRange(Graph(detail.Throughput, width));
        var rtt = detail.RoundTripMillis.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $"{detail.RoundTripMillis[^1]:0.###} ms") : "-";
        lines.Add(new StyledLine([new Span("rtt".PadRight(16), StyleRole.Heading), new Span(rtt, StyleRole.Normal)]));
        lines.AddRange(Graph(detail.RoundTripMillis, width));
        return lines;
    }

    private IEnumerable<StyledLine> Graph(IReadOnlyList<double> values, int width)
    {
        if (values.Count == 0)
        {
            return [StyledLine.Of("  no samples yet", StyleRole.Dim)];
        }

        return Sparkline.Rows(values, Math.Max(1, width - 2), GraphRows, Style.Symbols.Bars)
            .Select(r => new StyledLine([new Span("  ", StyleRole.Normal), new Span(r, StyleRole.Graph)]));
    }

    private static string StateText(SessionSnapshot session, EntryRow? row)
    {
        var state = row?.Status.ToString().ToLowerInvariant() ?? session.State.ToString().ToLowerInvariant();
        return session.EndReason is { } reason ? $"{state}: {reason}" : state;
    }

    private static IEnumerable<StyledLine> Transport(TransportSnapshot transport, double sessionStart)
    {
        yield return StyledLine.Of($"{transport.Kind} transport #{transport.Id} (layer {transport.Layer})", StyleRole.Heading);
        yield return StyledLine.Field("  local", transport.Local ?? "-");
        yield return StyledLine.Field("  remote", transport.Remote ?? "-");
        foreach (var change in transport.History)
        {
            var at = "+" + DurationText.Format(change.Time - sessionStart);
            var reason = change.Reason is null ? string.Empty : ": " + change.Reason;
            var role = change.State == TransportState.Failed ? StyleRole.Bad : StyleRole.Normal;
            yield return new StyledLine([new Span("  " + at.PadRight(14), StyleRole.Time), new Span(Describe(change.State) + reason, role)]);
        }

        yield return new StyledLine([new Span("  " + string.Empty.PadRight(14), StyleRole.Dim), new Span("in".PadLeft(12) + "out".PadLeft(12), StyleRole.Dim)]);
        yield return Pair("bytes", Units.Bytes(transport.BytesReceived), Units.Bytes(transport.BytesSent));
        yield return Pair("chunks", Count(transport.ChunksReceived), Count(transport.ChunksSent));
        var buffer = $"{Units.Bytes(transport.WriteBufferSize)} (high {Units.Bytes(transport.HighWaterMark)}, low {Units.Bytes(transport.LowWaterMark)})";
        yield return StyledLine.Field("  write buffer", buffer, valueRole: transport.WriteBufferSize > transport.HighWaterMark ? StyleRole.Waiting : StyleRole.Normal);
        yield return StyledLine.Field("  producer", transport.Producer.ToString().ToLowerInvariant() + (transport.ReadingPaused ? ", reading paused" : ", reading"));
    }

    private static StyledLine Pair(string name, string received, string sent) =>
        new([new Span(("  " + name).PadRight(16), StyleRole.Dim), new Span(received.PadLeft(12) + sent.PadLeft(12), StyleRole.Normal)]);

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static IEnumerable<StyledLine> Kernel(IReadOnlyList<KernelSample> samples)
    {
        yield return StyledLine.Of("TCP_INFO", StyleRole.Heading);
        if (samples.Count == 0)
        {
            yield return StyledLine.Of("  no sample yet (taken every second while open)", StyleRole.Dim);
            yield break;
        }

        var k = samples[^1];
        yield return StyledLine.Field("  rtt", string.Create(CultureInfo.InvariantCulture, $"{k.RoundTripTimeMicros / 1000.0:0.###} ms ± {k.RoundTripVarianceMicros / 1000.0:0.###} ms"));
        yield return StyledLine.Field("  cwnd", string.Create(CultureInfo.InvariantCulture, $"{k.CongestionWindow} segments, {k.Unacknowledged} unacknowledged"));
        yield return StyledLine.Field("  retransmits", k.Retransmits.ToString(CultureInfo.InvariantCulture), valueRole: k.Retransmits > 0 ? StyleRole.Waiting : StyleRole.Normal);
        yield return StyledLine.Field("  path mtu", k.PathMtu.ToString(CultureInfo.InvariantCulture));
    }

    private static List<StyledLine> Listener(ListenerSnapshot listener, EntryRow? row)
    {
        var state = listener.State.ToString().ToLowerInvariant();
        var lines = new List<StyledLine>
        {
            StyledLine.Of($"#{listener.Id} {listener.Kind} listener", StyleRole.Heading),
            StyledLine.Field("state", listener.EndReason is { } reason && listener.EndTime is not null ? $"{state}: {reason}" : state, valueRole: row is null ? StyleRole.Normal : EntryListView.RoleOf(row.Status)),
            StyledLine.Field("asked for", listener.Target),
            StyledLine.Field("bound to", listener.Address ?? "-"),
            StyledLine.Field("accepted", listener.Accepted.Count == 1 ? "1 connection (remembered)" : $"{listener.Accepted.Count} connections (remembered)"),
            StyledLine.Blank,
            StyledLine.Of("Each accepted connection is a session of its own: select it in the list", StyleRole.Dim),
            StyledLine.Of("to see its transcript, transport and Deferreds.", StyleRole.Dim),
        };
        return lines;
    }

    private static string Describe(TransportState state) => state switch
    {
        TransportState.TlsHandshaking => "TLS handshaking",
        TransportState.ReadClosed => "read closed (peer finished)",
        TransportState.WriteClosed => "write closed (half-close)",
        _ => state.ToString().ToLowerInvariant(),
    };
}
