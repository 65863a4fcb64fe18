using NetScope.Sessions.Kinds;
using NetScope.Sessions.Targets;
using NetScope.Sessions.Transcripts;
using NetScope.Tui.Model;

namespace NetScope.Tui.Tests;

public sealed class WorkspaceFeedTests
{
    private static List<TranscriptLine> Lines(TranscriptBuffer buffer)
    {
        var lines = new List<TranscriptLine>();
        buffer.GetLines(TranscriptMode.Text, 0, int.MaxValue, lines);
        return lines;
    }

    [Fact]
    public async Task FramesCarryTheRowsAndTheSelectedSessionsDetailsAndTranscript()
    {
        await using var live = await LiveWorkspace.StartAsync();
        var (listener, address) = await live.ListenAsync("echo");
        var session = await live.Commands.OpenTcp(new TcpSessionRequest(HostPort.Parse(address)));
        await live.WhenOpenAsync(session);
        live.Feed.Selected = session;
        await live.Commands.SendLine(session, "ping");
        var frame = live.RefreshUntil(f => f.Transcript is { TotalReceived: 6 } && f.Detail?.Session is not null, "the echo of ping");

        Assert.Equal([(listener, EntryStatus.Listening, (long?)null), (session, EntryStatus.Open, null), (session + 1, EntryStatus.Open, listener)], frame.Rows.Select(r => (r.Id, r.Status, r.ListenerId)).ToArray());
        Assert.Equal(session, frame.SelectedId);
        Assert.Equal(session, frame.Detail!.EntryId);
        var lines = new List<TranscriptLine>();
        frame.Transcript!.GetLines(TranscriptMode.Text, 0, 10, lines);
        Assert.Equal([(Direction.Sent, "ping\r\n"), (Direction.Received, "ping\r\n")], lines.Select(l => (l.Direction, System.Text.Encoding.ASCII.GetString(l.Bytes.Span))).ToArray());
        Assert.Contains(live.Log.Lines(), l => l.Text == $"#{listener}: listening on {address}");
        Assert.Contains(live.Log.Lines(), l => l.Text == $"#{session}: open");
    }

    [Fact]
    public async Task ChangingTheSelectionStartsAFreshTranscriptForTheNewEntry()
    {
        await using var live = await LiveWorkspace.StartAsync();
        var (listener, address) = await live.ListenAsync("echo");
        var session = await live.Commands.OpenTcp(new TcpSessionRequest(HostPort.Parse(address)));
        await live.WhenOpenAsync(session);
        live.Feed.Selected = session;
        var first = live.RefreshUntil(f => f.Transcript?.EntryId == session, "the session's transcript").Transcript;
        live.Feed.Selected = listener;
        var second = live.RefreshUntil(f => f.Detail?.Listener is not null && f.Rows.Any(r => r.ListenerId == listener), "the listener's details and its accepted end");

        Assert.NotSame(first, second.Transcript);
        Assert.Equal(listener, second.Transcript!.EntryId);
        var notes = new List<TranscriptLine>();
        second.Transcript.GetLines(TranscriptMode.Text, 0, 10, notes);
        Assert.Equal($"listening on {address}", notes[0].Text);
        Assert.StartsWith("accepted 127.0.0.1:", notes[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFloodIsFetchedOnlyUpToTheFrameBudgetAndTheRestIsMarkedSkipped()
    {
        await using var live = await LiveWorkspace.StartAsync(new FeedOptions { MaxTranscriptBytesPerFrame = 4096 });
        var (_, address) = await live.ListenAsync("chargen");
        var session = await live.Commands.OpenTcp(new TcpSessionRequest(HostPort.Parse(address)) { Mode = Sessions.Streams.StreamMode.Raw });
        live.Feed.Selected = session;
        live.RefreshUntil(f => f.Transcript is { Started: true, TotalReceived: > 1_000_000 }, "a megabyte from chargen");
        var frame = live.RefreshUntil(f => Lines(f.Transcript!).Any(l => l.Kind == TranscriptLineKind.Dropped && l.Text!.Contains("skipped here", StringComparison.Ordinal)), "a skipped-data marker");

        Assert.True(frame.Transcript!.HeldBytes <= frame.Transcript.CapacityBytes);
        Assert.True(frame.Transcript.HeldBytes < frame.Transcript.TotalReceived);
    }

    [Fact]
    public async Task AFeedThatFellBehindReloadsTheListAndSaysSo()
    {
        await using var live = await LiveWorkspace.StartAsync(new FeedOptions { SubscriptionCapacity = 4 });
        var (_, address) = await live.ListenAsync("echo");
        var opened = new List<long>();
        for (var i = 0; i < 10; i++)
        {
            opened.Add(await live.Commands.OpenTcp(new TcpSessionRequest(HostPort.Parse(address))));
        }

        var frame = live.RefreshUntil(f => opened.All(id => f.Rows.Any(r => r.Id == id)) && f.Stats.Resyncs >= 2, "every session after a reload");

        Assert.True(frame.Stats.EventsLost > 0);
        Assert.Contains(live.Log.Lines(), l => l.Severity == LogSeverity.Warning && l.Text.StartsWith("the display fell behind the workspace: ", StringComparison.Ordinal));
    }
}
