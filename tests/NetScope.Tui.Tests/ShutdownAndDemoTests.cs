using NetScope.Sessions.Kinds;
using NetScope.Sessions.Targets;
using NetScope.Sessions.Workspaces;
using NetScope.Tui.App;
using NetScope.Tui.Model;

namespace NetScope.Tui.Tests;

public sealed class ShutdownAndDemoTests
{
    [Fact]
    public async Task QuittingStopsTheListenersThenClosesTheSessions()
    {
        await using var live = await LiveWorkspace.StartAsync();
        var (listener, address) = await live.ListenAsync("echo");
        var session = await live.Commands.OpenTcp(new TcpSessionRequest(HostPort.Parse(address)));
        await live.WhenOpenAsync(session);
        live.RefreshUntil(f => f.Rows.Any(r => r.ListenerId == listener), "the accepted end");

        var outcome = await ShutdownSequence.RunAsync(live.Host.Workspace, TimeProvider.System, TimeSpan.FromSeconds(10));

        Assert.Equal(new ShutdownSequence.Outcome(1, 2, 0), outcome);
        var after = await live.Host.Workspace.SnapshotAsync();
        Assert.Equal(ListenerState.Stopped, after.Listeners.Single().State);
        Assert.All(after.Sessions, s => Assert.Equal(SessionState.Closed, s.State));
    }

    [Fact]
    public async Task TheDemoStartsEchoAndHttpListenersWithSessionsTalkingToThemTheRequestAsAnHttpSession()
    {
        await using var live = await LiveWorkspace.StartAsync();
        var select = await DemoWorkspace.StartAsync(new DemoContext(live.Commands, live.Catalog));
        live.Feed.Selected = select;
        var frame = live.RefreshUntil(f => f.Transcript is { TotalReceived: > 0 } && f.Detail?.Deferreds.Count > 0 && f.Rows.Count >= 6, "the first echo and the HTTP request");

        // Parts start in order, but a listener accepts its connection whenever the kernel says so
        // (maybe after the next part began), so accepted connections are checked per listener.
        var topLevel = frame.Rows.Where(r => r.ListenerId is null).Select(r => (r.Kind, r.IsListener)).ToArray();
        Assert.Equal([("echo", true), ("tcp", false), ("http", true), ("http", false)], topLevel);
        var echoListener = frame.Rows.Single(r => r is { IsListener: true, Kind: "echo" });
        var httpListener = frame.Rows.Single(r => r is { IsListener: true, Kind: "http" });
        Assert.Equal(["echo"], frame.Rows.Where(r => r.ListenerId == echoListener.Id).Select(r => r.Kind));
        Assert.Equal(["http"], frame.Rows.Where(r => r.ListenerId == httpListener.Id).Select(r => r.Kind));
        Assert.Equal(frame.Rows.Single(r => r.Kind == "tcp").Id, select);
        // The script's next line follows 1.5 s later, maybe before this frame on a slow machine: check the first echo only.
        var echoed = new List<TranscriptLine>();
        frame.Transcript!.GetLines(TranscriptMode.Text, 0, 50, echoed);
        Assert.Equal("hello from the NetScope demo\r\n", System.Text.Encoding.ASCII.GetString(echoed.First(l => l.Direction == Sessions.Transcripts.Direction.Received).Bytes.Span));
        Assert.Contains(frame.Detail!.Deferreds, d => d.Text.StartsWith("#", StringComparison.Ordinal) && d.Text.Contains("connect ", StringComparison.Ordinal));

        var request = frame.Rows.Single(r => r is { Kind: "http", IsListener: false, ListenerId: null });
        Assert.Equal($"GET http://{httpListener.Address}/hello", request.Target);
        live.Feed.Selected = request.Id;
        var http = live.RefreshUntil(
            f => f.Transcript?.EntryId == request.Id && f.Detail?.Session?.EndReason == "response complete: 200 OK",
            "the HTTP answer");
        var timing = Views.TimingPane.Build(http.Detail).Select(l => l.Text).ToArray();
        Assert.Contains(timing, l => System.Text.RegularExpressions.Regex.IsMatch(l, "^dns +- +-$")); // an IP literal: nothing was looked up
        Assert.All(["connect", "request sent", "headers received", "body received"], phase => Assert.Contains(timing, l => l.StartsWith(phase + " ", StringComparison.Ordinal) && l.Contains(" ms", StringComparison.Ordinal)));
        var lines = new List<TranscriptLine>();
        http.Transcript!.GetLines(TranscriptMode.Text, 0, 50, lines);
        Assert.StartsWith("GET /hello HTTP/1.1\r\n", System.Text.Encoding.ASCII.GetString(lines[0].Bytes.Span), StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Direction == Sessions.Transcripts.Direction.Received && System.Text.Encoding.ASCII.GetString(l.Bytes.Span).StartsWith("HTTP/1.1 200 ", StringComparison.Ordinal));
    }
}
