using NetScope.Core.Errors;
using NetScope.Core.Protocols;
using NetScope.Sessions.Events;
using NetScope.Sessions.Kinds;
using NetScope.Sessions.Tests.Support;
using NetScope.Sessions.Transcripts;
using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Tests;

/// <summary>Listeners: each accepted connection is a session with its own transcript; any protocol plugs in.</summary>
public sealed class ListenerTests : IDisposable
{
    private readonly Harness _harness = new();

    [Fact]
    public void EachAcceptedConnectionIsAStreamSessionOfItsOwn()
    {
        var listener = _harness.Workspace.ListenTcp(new TcpListenerRequest(0));
        var port = _harness.Reactor.Ports.Single();
        var first = port.Accept();
        var second = port.Accept();
        first.Deliver("from one\n");
        second.Deliver("from two\n");

        Assert.Equal((ListenerState.Listening, "127.0.0.1:40000"), (listener.State, listener.Address));
        Assert.Equal(2, listener.Accepted.Count);
        var snapshot = _harness.Workspace.Snapshot();
        Assert.Equal(["127.0.0.1:51000", "127.0.0.1:51001"], snapshot.Sessions.Select(s => s.Target).ToArray());
        Assert.All(snapshot.Sessions, s => Assert.Equal((listener.Id, SessionState.Open), (s.ListenerId, s.State)));
        Assert.Equal(["from one\n"], Received(snapshot.Sessions[0].Transcript.Entries));
        Assert.Equal(["from two\n"], Received(snapshot.Sessions[1].Transcript.Entries));
        Assert.Equal(
            ["listening on 127.0.0.1:40000", "accepted 127.0.0.1:51000 as #2", "accepted 127.0.0.1:51001 as #3"],
            snapshot.Listeners.Single().Transcript.Entries.Select(e => e.Note!).ToArray());
    }

    [Fact]
    public void AnyProtocolPlugsInAndItsTrafficIsRecordedBothWays()
    {
        _harness.Workspace.StartListener(new ProtocolListenerStarter("echo", new TcpListenerRequest(7), () => new Echo()));
        var connection = _harness.Reactor.Ports.Single().Accept();
        connection.Deliver("ping");
        connection.PeerFinishes();

        var session = _harness.Workspace.Snapshot().Sessions.Single();
        Assert.Equal(("echo", SessionState.Closed, "connection closed by peer"), (session.Kind, session.State, session.EndReason));
        Assert.Equal(
            ["< ping", "> ping", "- connection closed by peer"],
            session.Transcript.Entries.Select(e => e.Direction switch
            {
                Direction.Received => "< " + System.Text.Encoding.ASCII.GetString(e.Data),
                Direction.Sent => "> " + System.Text.Encoding.ASCII.GetString(e.Data),
                _ => "- " + e.Note,
            }).ToArray());
    }

    [Fact]
    public async Task StoppingTheListenerLeavesItsSessionsRunning()
    {
        var listener = _harness.Workspace.ListenTcp(new TcpListenerRequest(0));
        var connection = _harness.Reactor.Ports.Single().Accept();

        await _harness.Workspace.StopListenerAsync(listener.Id);
        connection.Deliver("still here\n");

        Assert.Equal((ListenerState.Stopped, "stopped"), (listener.State, listener.EndReason));
        Assert.Equal(SessionState.Open, listener.Accepted.Single().State);
        Assert.Equal(ListenerState.Stopped, Assert.Single(_harness.EventsOf<ListenerClosed>()).State);
    }

    [Fact]
    public void AListenerThatCannotBindFailsWithTheReason()
    {
        _harness.Workspace.ListenTcp(new TcpListenerRequest(8080));

        var error = Assert.Throws<CannotListenException>(() => _harness.Workspace.ListenTcp(new TcpListenerRequest(8080)));

        var failed = _harness.Workspace.Listeners[1];
        Assert.Equal((ListenerState.Failed, error.Message), (failed.State, failed.EndReason));
        Assert.Equal(ListenerState.Failed, Assert.Single(_harness.EventsOf<ListenerClosed>()).State);
    }

    public void Dispose() => _harness.Dispose();

    private static string[] Received(IEnumerable<TranscriptEntry> entries) =>
        entries.Where(e => e.Direction == Direction.Received).Select(e => System.Text.Encoding.ASCII.GetString(e.Data)).ToArray();

    private sealed class Echo : Protocol
    {
        public override void DataReceived(ReadOnlySpan<byte> data) => Transport.Write(data);
    }
}
